import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../catalogue.js';
import { parseCsv } from './csv.js';
import { closestNames } from './names.js';
import { createRowValidator, EMPTY_FILE_MESSAGE, findHeaderRow, GROUP_SIZE_WARNING, NO_ROWS_MESSAGE, mapHeaders, validateRecords, type ImportContext } from './rows.js';

const ctx: ImportContext = {
  units: [
    { id: 'soc', name: 'Socialförvaltningen' },
    { id: 'vob-angsgarden', name: 'Ängsgården' },
    { id: 'a1', name: 'Dubbel' },
    { id: 'a2', name: 'Dubbel' },
  ],
  metrics: DEFAULT_METRICS,
  currentYear: 2025,
};
const HEADER = 'Enhet;Nyckeltal;År;Täljare;Nämnare;Gruppstorlek;Källa';
const check = (...lines: string[]) => validateRecords(parseCsv([HEADER, ...lines].join('\n')), ctx);

describe('mapHeaders', () => {
  it('maps Swedish and English names, case- and accent-insensitive', () => {
    const { columns, errors } = mapHeaders(['UNIT', 'Metric', 'AR', 'taljare', 'NÄMNARE', 'Group size', 'kalla']);
    expect(errors).toEqual([]);
    expect([...columns.entries()]).toEqual([
      ['unit', 0],
      ['metric', 1],
      ['year', 2],
      ['numerator', 3],
      ['denominator', 4],
      ['groupSize', 5],
      ['source', 6],
    ]);
    expect(mapHeaders(['unit', 'metric', 'year', 'numerator', 'denominator', 'groupSize']).errors).toEqual([]);
  });

  it('takes an explicit mapping for headers it does not know, and guesses one to confirm', () => {
    const header = ['Enhetskod', 'KPI', 'Period', 'Antal', 'Bas'];
    const unsure = mapHeaders(header);
    expect(unsure.errors.map((e) => e.column)).toEqual(['enhet', 'nyckeltal', 'år', 'täljare', 'nämnare']);
    expect(unsure.suggested).toEqual({ unit: 'Enhetskod', metric: 'KPI', year: 'Period', numerator: 'Antal', denominator: 'Bas' });
    const chosen = mapHeaders(header, unsure.suggested);
    expect(chosen.errors).toEqual([]);
    expect(chosen.columns.get('denominator')).toBe(4);
  });

  it('lets an explicit mapping win over a known name, and names a header the file lacks', () => {
    const header = ['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare', 'Nämnare 2025'];
    expect(mapHeaders(header, { denominator: 'Nämnare 2025' }).columns.get('denominator')).toBe(5);
    expect(mapHeaders(header, { year: 'Period' }).errors).toEqual([
      { row: 1, column: 'Period', message: 'Kolumnen "Period" finns inte i filens rubrikrad.' },
    ]);
    expect(mapHeaders(header, { year: 'År', numerator: 'År' }).errors[0]?.message).toBe('Kolumnen "År" är vald för två fält.');
  });

  it('names a missing column, in Swedish', () => {
    expect(mapHeaders(['enhet', 'år', 'täljare', 'nämnare']).errors).toEqual([
      { row: 1, column: 'nyckeltal', message: expect.stringMatching(/^Kolumnen "nyckeltal" saknas i rubrikraden\. Rubrikraden ska ha kolumnerna Enhet, Nyckeltal, År, Täljare och Nämnare/) },
    ]);
  });
});

describe('validateRecords', () => {
  it('turns valid rows into values: unit by id or name, metric by key or either name', () => {
    const r = check('soc;staff_turnover;2024;12;240;;', 'Ängsgården;Sjukfrånvaro bland chefer;2024;3,5;1 600,25;1;HR', 'SOC;staff turnover;2023;1;20;;');
    expect(r.errors).toEqual([]);
    expect(r.rowsRead).toBe(3);
    expect(r.values).toEqual([
      { row: 2, unitId: 'soc', metricKey: 'staff_turnover', year: 2024, numerator: 12, denominator: 240, groupSize: null, source: null },
      { row: 3, unitId: 'vob-angsgarden', metricKey: 'manager_sick_leave', year: 2024, numerator: 3.5, denominator: 1600.25, groupSize: 1, source: 'HR' },
      { row: 4, unitId: 'soc', metricKey: 'staff_turnover', year: 2023, numerator: 1, denominator: 20, groupSize: null, source: null },
    ]);
  });

  it('skips blank rows but keeps spreadsheet row numbers', () => {
    const r = check('', 'okänd;staff_turnover;2024;1;2;;');
    expect(r.rowsRead).toBe(1);
    expect(r.errors).toEqual([{ row: 3, column: 'Enhet', message: expect.stringMatching(/^Enheten "okänd" finns inte\./) }]);
  });

  it.each([
    ['x;staff_turnover;2024;1;2;;', 'Enhet', 'Enheten "x" finns inte. Enheterna: "Socialförvaltningen", "Ängsgården", "Dubbel" eller "Dubbel".'],
    ['Dubbel;staff_turnover;2024;1;2;;', 'Enhet', 'Flera enheter heter "Dubbel" (a1, a2). Skriv enhetens id i stället.'],
    [';staff_turnover;2024;1;2;;', 'Enhet', 'Enhet saknas. Skriv enhetens namn eller id.'],
    ['soc;staff_turnover;2024;tre;2;;', 'Täljare', '"tre" är inte ett tal. Skriv bara siffror, med decimalkomma (t.ex. 12,5), utan enhet eller procenttecken.'],
    ['soc;staff_turnover;2024;;2;;', 'Täljare', 'Värde saknas. Skriv täljaren som ett tal, t.ex. 12,5.'],
    ['soc;staff_turnover;2024;-1;2;;', 'Täljare', '"-1" är negativt. Täljaren räknar personer eller timmar och kan inte vara mindre än 0.'],
    ['soc;staff_turnover;2024;1,234;2;;', 'Täljare', '"1,234" har fler än två decimaler. Avrunda till två decimaler (1,23).'],
    ['soc;staff_turnover;2024;1;0;;', 'Nämnare', 'Nämnaren är 0. Den måste vara större än noll; saknar enheten underlag det året, ta bort raden.'],
    [
      'soc;manager_tenure_3y;2024;12;10;;',
      'Täljare',
      'Täljaren (12) är större än nämnaren (10), men "Andel chefer som lett samma enhet i tre år eller mer" är en andel och kan inte överstiga 100 %. Kontrollera att täljare och nämnare inte har bytt plats.',
    ],
    ['soc;staff_turnover;1989;1;2;;', 'År', 'Året 1989 ligger utanför 1990–2026. Rätta året.'],
    ['soc;staff_turnover;2027;1;2;;', 'År', 'Året 2027 ligger utanför 1990–2026. Rätta året.'],
    ['soc;staff_turnover;24;1;2;;', 'År', '"24" är inte ett årtal. Skriv året med fyra siffror, t.ex. 2024.'],
    ['soc;staff_turnover;2024;1;2;2,5;', 'Gruppstorlek', '"2,5" är inte ett helt antal personer. Skriv antalet personer som ett heltal (t.ex. 12), eller lämna tomt.'],
    [
      'soc;manager_tenure_3y;2024;1;1;50;',
      'Gruppstorlek',
      'Gruppstorleken 50 stämmer inte med nämnaren 1: för "Andel chefer som lett samma enhet i tre år eller mer" räknar nämnaren personerna, och den är gruppens storlek. Lämna gruppstorlek tom eller skriv 1.',
    ],
  ])('%s → %s: %s', (line, column, message) => {
    const r = check(line);
    expect(r.errors).toEqual([{ row: 2, column, message }]);
    expect(r.values).toEqual([]);
  });

  it('accepts a rate above 100 % (two leavers of one average manager position), refuses a share', () => {
    const r = check('soc;manager_turnover_external;2024;2;1;;', 'soc;staff_turnover;2024;30;20;;');
    expect(r.errors).toEqual([]);
    expect(r.values.map((v) => [v.metricKey, v.numerator, v.denominator])).toEqual([
      ['manager_turnover_external', 2, 1],
      ['staff_turnover', 30, 20],
    ]);
  });

  it('takes a group size that is the person-count denominator, rounded either way', () => {
    expect(check('soc;manager_tenure_3y;2024;3;12;12;', 'soc;staff_turnover;2024;3;40,5;41;').errors).toEqual([]);
  });

  it('allows a numerator above the denominator where that is no share (staff per manager)', () => {
    expect(check('soc;staff_per_manager;2024;300;12;;').errors).toEqual([]);
  });

  it('reports a duplicate unit, metric and year on the later row', () => {
    const r = check('soc;staff_turnover;2024;1;20;;', 'Socialförvaltningen;Personalomsättning;2024;2;20;;');
    expect(r.errors).toEqual([{ row: 3, column: null, message: 'Dubblett: samma enhet, nyckeltal och år som rad 2. Ta bort en av raderna, eller rätta enhet, nyckeltal eller år.' }]);
  });

  it('says so when the file is empty or has no values', () => {
    expect(validateRecords([], ctx).errors[0]?.message).toBe(EMPTY_FILE_MESSAGE);
    expect(check().errors[0]?.message).toBe(NO_ROWS_MESSAGE);
  });

  it('reads unfamiliar headers through a mapping', () => {
    const records = parseCsv('Enhetskod;KPI;Period;Antal;Bas\nsoc;staff_turnover;2024;3;30\n');
    expect(validateRecords(records, ctx).values).toEqual([]);
    const mapping = { unit: 'Enhetskod', metric: 'KPI', year: 'Period', numerator: 'Antal', denominator: 'Bas' };
    const r = validateRecords(records, ctx, mapping);
    expect(r.errors).toEqual([]);
    expect(r.values[0]).toMatchObject({ unitId: 'soc', year: 2024, numerator: 3, denominator: 30 });
  });

  it('reads a comma-separated English file with decimal points', () => {
    const r = validateRecords(parseCsv('unit,metric,year,numerator,denominator\nsoc,manager_sick_leave,2024,3.42,100\n'), ctx);
    expect(r.errors).toEqual([]);
    expect(r.values[0]).toMatchObject({ numerator: 3.42, denominator: 100 });
  });
});

describe('files as HR systems write them', () => {
  const validator = (header: string[]) => createRowValidator(header, mapHeaders(header).columns, ctx);
  const HEAD = ['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare', 'Gruppstorlek'];

  it('finds the header under title and date rows, and numbers rows as the spreadsheet does', () => {
    const records = parseCsv(['Sjukfrånvaro per enhet;;;;;', 'Utskrivet 2025-01-15;;;;;', ';;;;;', HEADER, 'soc;staff_turnover;2024;12;240;;'].join('\n'));
    expect(findHeaderRow(records)).toBe(3);
    const r = validateRecords(records, ctx);
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual([expect.objectContaining({ row: 5, unitId: 'soc', numerator: 12 })]);
  });

  it('matches a unit name typed on a Mac (NFD) or in other case and spacing', () => {
    const check = validator(HEAD);
    const nfd = 'Ängsgården'.normalize('NFD');
    expect(nfd).not.toBe('Ängsgården');
    expect(check([nfd, 'staff_turnover', '2024', '1', '20', ''], 2)?.value?.unitId).toBe('vob-angsgarden');
    expect(check(['  ÄNGSGÅRDEN ', 'staff_turnover', '2024', '1', '20', ''], 2)?.value?.unitId).toBe('vob-angsgarden');
    expect(check(['Sjukfrånvaro bland chefer'.normalize('NFD'), 'x', '2024', '1', '20', ''], 2)?.errors[0]?.column).toBe('Enhet');
  });

  it('suggests the closest names for an unknown unit or metric, and lists the valid metrics', () => {
    const check = validator(HEAD);
    expect(check(['Angsgarden', 'staff_turnover', '2024', '1', '20', ''], 2)?.errors[0]?.message).toMatch(/^Enheten "Angsgarden" finns inte\. Menade du "Ängsgården"\?/);
    const message = check(['soc', 'Personalomsätning', '2024', '1', '20', ''], 2)?.errors[0]?.message ?? '';
    expect(message).toMatch(/^Nyckeltalet "Personalomsätning" finns inte\. Menade du "Personalomsättning"/);
    for (const m of DEFAULT_METRICS) expect(message).toContain(`"${m.name.sv}"`);
  });

  it('warns, without refusing, when an hours-based figure has no group size', () => {
    const check = validator(HEAD);
    const r = check(['soc', 'manager_sick_leave', '2024', '12,5', '1 234,50', ''], 7);
    expect(r?.errors).toEqual([]);
    expect(r?.warnings).toEqual([{ row: 7, column: 'Gruppstorlek', message: GROUP_SIZE_WARNING }]);
    expect(check(['soc', 'manager_sick_leave', '2024', '12,5', '1 234,50', '14'], 7)?.warnings).toEqual([]);
    expect(check(['soc', 'staff_turnover', '2024', '2', '40', ''], 7)?.warnings).toEqual([]);
  });

  it('rounds a formula result to two decimals with a notice, but refuses a typed one', () => {
    const check = validator(HEAD);
    const formula = check(['soc', 'manager_sick_leave', '2024', '61,3333333333333', '3680', '12'], 5, new Set([3]));
    expect(formula?.errors).toEqual([]);
    expect(formula?.value?.numerator).toBe(61.33);
    expect(formula?.warnings).toEqual([{ row: 5, column: 'Täljare', message: 'Formelresultatet 61,3333333333333 avrundades till 61,33 (värden lagras med två decimaler).' }]);
    expect(check(['soc', 'manager_sick_leave', '2024', '61,3333333333333', '3680', '12'], 5)?.errors[0]?.message).toBe(
      '"61,3333333333333" har fler än två decimaler. Avrunda till två decimaler (61,33).',
    );
  });

  it('reads "Summa X" as unit X, and a row that names no unit ("Totalt") as a total of the file', () => {
    const check = validator(HEAD);
    expect(check(['Summa Socialförvaltningen', 'staff_turnover', '2024', '1', '20', ''], 2)?.value?.unitId).toBe('soc');
    expect(check(['Ängsgården totalt', 'staff_turnover', '2024', '1', '20', ''], 2)?.value?.unitId).toBe('vob-angsgarden');
    const bare = check(['Totalt', 'staff_turnover', '2024', '1', '20', ''], 2);
    expect(bare).toMatchObject({ errors: [], value: null, key: null, bareTotal: { metricKey: 'staff_turnover', year: 2024, numerator: 1, denominator: 20 } });
  });
});

describe('closestNames', () => {
  it('finds names within a few edits, nearest first, and none for a name far from all', () => {
    expect(closestNames('Hemtjänst Östr', ['Hemtjänst Öster', 'Hemtjänst Väster', 'Ekbacken'])).toEqual(['Hemtjänst Öster', 'Hemtjänst Väster']);
    expect(closestNames('Zebra', ['Hemtjänst Öster', 'Ekbacken'])).toEqual([]);
  });
});

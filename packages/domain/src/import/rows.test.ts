import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../catalogue.js';
import { parseCsv } from './csv.js';
import { mapHeaders, validateRecords, type ImportContext } from './rows.js';

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
      { row: 1, column: 'nyckeltal', message: 'Kolumnen "nyckeltal" saknas i rubrikraden.' },
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
    expect(r.errors).toEqual([{ row: 3, column: 'Enhet', message: 'Enheten "okänd" finns inte.' }]);
  });

  it.each([
    ['x;staff_turnover;2024;1;2;;', 'Enhet', 'Enheten "x" finns inte.'],
    ['Dubbel;staff_turnover;2024;1;2;;', 'Enhet', 'Flera enheter heter "Dubbel". Ange enhetens id i stället.'],
    ['soc;happiness;2024;1;2;;', 'Nyckeltal', 'Nyckeltalet "happiness" finns inte.'],
    ['soc;staff_turnover;2024;tre;2;;', 'Täljare', '"tre" är inte ett tal.'],
    ['soc;staff_turnover;2024;-1;2;;', 'Täljare', 'Får inte vara negativt.'],
    ['soc;staff_turnover;2024;1,234;2;;', 'Täljare', '"1,234" har fler än två decimaler.'],
    ['soc;staff_turnover;2024;1;0;;', 'Nämnare', 'Nämnaren får inte vara noll.'],
    ['soc;staff_turnover;2024;30;20;;', 'Täljare', 'Täljaren (30) är större än nämnaren (20); en andel kan inte överstiga 100 %.'],
    ['soc;staff_turnover;1989;1;2;;', 'År', 'Året 1989 ligger utanför 1990–2026.'],
    ['soc;staff_turnover;2027;1;2;;', 'År', 'Året 2027 ligger utanför 1990–2026.'],
    ['soc;staff_turnover;24;1;2;;', 'År', '"24" är inte ett årtal (t.ex. 2024).'],
    ['soc;staff_turnover;2024;1;2;2,5;', 'Gruppstorlek', '"2,5" är inte ett helt antal personer.'],
  ])('%s → %s: %s', (line, column, message) => {
    const r = check(line);
    expect(r.errors).toEqual([{ row: 2, column, message }]);
    expect(r.values).toEqual([]);
  });

  it('allows a numerator above the denominator where that is no share (staff per manager)', () => {
    expect(check('soc;staff_per_manager;2024;300;12;;').errors).toEqual([]);
  });

  it('reports a duplicate unit, metric and year on the later row', () => {
    const r = check('soc;staff_turnover;2024;1;20;;', 'Socialförvaltningen;Personalomsättning;2024;2;20;;');
    expect(r.errors).toEqual([{ row: 3, column: null, message: 'Dubblett: samma enhet, nyckeltal och år som rad 2.' }]);
  });

  it('says so when the file is empty or has no values', () => {
    expect(validateRecords([], ctx).errors[0]?.message).toBe('Filen är tom eller saknar rubrikrad.');
    expect(check().errors[0]?.message).toBe('Filen har en rubrikrad men inga rader med värden.');
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

import { describe, expect, it } from 'vitest';
import { koladaDataUrl, municipalityOfOu, parseKoladaDocuments, type KoladaDocument } from './kolada.js';

const doc = (value: unknown, name = 'sida.json'): KoladaDocument => ({ name, text: typeof value === 'string' ? value : JSON.stringify(value) });
const parse = (value: unknown) => parseKoladaDocuments([doc(value)]);

const V3_PAGE = {
  values: [
    {
      kpi: 'N00090',
      municipality: '0680',
      period: 2022,
      values: [
        { gender: 'T', status: '', value: 8.0, count: 1 },
        { gender: 'K', status: '', value: 8.9, count: 1 },
        { gender: 'M', status: '', value: 4.6, count: 1 },
      ],
    },
  ],
  count: 1,
  next_url: 'https://api.kolada.se/v3/data/kpi/N00090/municipality/0680?page=2',
};

describe('parseKoladaDocuments', () => {
  it('reads a v3 page: one row per gender, with the link to the next page', () => {
    const r = parse(V3_PAGE);
    expect(r.errors).toEqual([]);
    expect(r.rowsRead).toBe(3);
    expect(r.rows.map((x) => [x.gender, x.value])).toEqual([
      ['T', 8.0],
      ['K', 8.9],
      ['M', 4.6],
    ]);
    expect(r.rows[0]).toMatchObject({ kpi: 'N00090', municipality: '0680', ou: null, period: 2022, status: null, count: 1, isSynthetic: false });
    expect(r.pages).toEqual([{ document: 0, page: 1, version: 'v3', next: V3_PAGE.next_url, isSynthetic: false }]);
  });

  it('reads a v2 page: next_page, period as a string, a missing value with its status', () => {
    const r = parse({
      values: [
        {
          kpi: 'N00216',
          municipality: '0680',
          period: '2021',
          values: [
            { count: 1, gender: 'T', status: '', value: 12.4 },
            { count: 0, gender: 'K', status: 'Saknas', value: null },
            { count: 0, gender: 'M' },
          ],
        },
      ],
      count: 1,
      next_page: null,
    });
    expect(r.errors).toEqual([]);
    expect(r.pages[0]).toMatchObject({ version: 'v2', next: null });
    expect(r.rows.map((x) => ({ period: x.period, gender: x.gender, value: x.value, status: x.status }))).toEqual([
      { period: 2021, gender: 'T', value: 12.4, status: null },
      { period: 2021, gender: 'K', value: null, status: 'Saknas' },
      { period: 2021, gender: 'M', value: null, status: null },
    ]);
  });

  it('reads unit-level rows with an `ou` key, taking the municipality from the unit id when it is left out', () => {
    const r = parse({
      values: [{ kpi: 'N15033', ou: 'V15E144001301', period: 2009, values: [{ gender: 'T', status: '', value: 71 }] }],
      count: 1,
    });
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ ou: 'V15E144001301', municipality: '1440', value: 71 });
    expect(municipalityOfOu('XYZ')).toBeNull();
  });

  it('accepts an array of pages in one file, and several files', () => {
    const second = { ...V3_PAGE, values: [{ ...V3_PAGE.values[0], period: 2023 }], next_url: null };
    const r = parseKoladaDocuments([doc([V3_PAGE, second], 'a.json'), doc({ values: [], count: 0 }, 'b.json')]);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.period)).toEqual([2022, 2022, 2022, 2023, 2023, 2023]);
    expect(r.pages.map((p) => [p.document, p.page, p.version])).toEqual([
      [0, 1, 'v3'],
      [0, 2, 'v3'],
      [1, 1, 'unknown'],
    ]);
  });

  it('marks rows from pages with the synthetic marker', () => {
    const r = parse({ ...V3_PAGE, tillit_synthetic: 'Syntetiska exempelvärden' });
    expect(r.rows.every((x) => x.isSynthetic)).toBe(true);
  });

  it('says a file is not JSON', () => {
    const r = parse('{"values": [');
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'sida.json', page: null, path: '' });
    expect(r.errors[0]!.message).toMatch(/inte JSON/);
  });

  it('says what a page that is not Kolada data looks like', () => {
    expect(parse({ rows: [] }).errors[0]!.message).toMatch(/saknar "values"/);
    expect(parse(42).errors[0]!.message).toMatch(/är number/);
    expect(parse([]).errors[0]!.message).toMatch(/tom lista/);
    // A saved /v3/kpi page: descriptions of key figures, not their values.
    const meta = parse({ values: [{ id: 'N00090', title: 'Sjukfrånvaro, kommunalt anställda', description: '…', operating_area: 'Personal' }], count: 1 });
    expect(meta.errors).toEqual([
      {
        file: 'sida.json',
        page: 1,
        path: '',
        message:
          'Sidan ser ut som Kolada-metadata (t.ex. /v3/kpi: nyckeltalens namn och beskrivningar), inte värden: hämta värdena från /v3/data/kpi/{kpi}/municipality/{kod}.',
      },
    ]);
  });

  it('says a page without values has nothing to import', () => {
    const r = parse({ values: [], count: 0, next_url: null });
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ file: 'sida.json', page: null, path: '', message: expect.stringMatching(/^Inga värden att importera/) }]);
  });

  it('reads gender F as women (K), as Kolada’s API documentation writes it', () => {
    const r = parse({ values: [{ kpi: 'N00090', municipality: '0680', period: 2022, values: [{ gender: 'F', value: 7.1 }, { gender: 'K', value: 7.1 }] }] });
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.gender)).toEqual(['K']);
  });

  it('names the path and what was expected for every bad field', () => {
    const r = parse({
      values: [
        { kpi: 'n90', municipality: '0680', period: 2022, values: [{ gender: 'T', value: 1 }] },
        { kpi: 'N00090', municipality: '0680', period: 'förra året', values: [{ gender: 'T', value: 1 }] },
        { kpi: 'N00090', municipality: '0680', period: 2021, values: [{ gender: 'X', value: 1 }, { gender: 'T', value: '7,5' }] },
        { kpi: 'N00090', period: 2020, values: [{ gender: 'T', value: 1 }] },
      ],
      count: 4,
    });
    expect(r.rows).toEqual([]);
    expect(r.rowsRead).toBe(5);
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['values[0].kpi', 'values[1].period', 'values[2].values[0].gender', 'values[2].values[1].value', 'values[3].municipality'].sort(),
    );
    expect(byPath['values[2].values[0].gender']).toMatch(/T \(totalt\), K eller F \(kvinnor\) eller M \(män\)/);
    expect(byPath['values[1].period']).toMatch(/årtal/);
    expect(byPath['values[2].values[1].value']).toMatch(/tal eller null/);
  });

  it('keeps one copy of a page saved twice, but refuses two different figures for one cell', () => {
    expect(parseKoladaDocuments([doc(V3_PAGE, 'a.json'), doc(V3_PAGE, 'b.json')]).rows).toHaveLength(3);
    const changed = { ...V3_PAGE, values: [{ ...V3_PAGE.values[0], values: [{ gender: 'T', status: '', value: 9.1 }] }] };
    const r = parseKoladaDocuments([doc(V3_PAGE, 'a.json'), doc(changed, 'b.json')]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'b.json', page: 1, path: 'values[0].values[0]' });
    expect(r.errors[0]!.message).toMatch(/a\.json/);
  });

  it('strips a byte-order mark', () => {
    expect(parse('\uFEFF' + JSON.stringify(V3_PAGE)).errors).toEqual([]);
  });
});

describe('koladaDataUrl', () => {
  it('builds the v3 URL with the years comma-separated', () => {
    expect(koladaDataUrl('N00090', '0680', [2023, 2024])).toBe('https://api.kolada.se/v3/data/kpi/N00090/municipality/0680/year/2023,2024');
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/csv.js';
import { unit } from '../test-arbitraries.js';
import { validateUnitRecords } from './units-file.js';
import { checkOrganisation } from './validate.js';

const base = [unit('soc', null, 'Soc'), unit('a', 'soc', 'A'), unit('b', 'a', 'B')];

describe('checkOrganisation', () => {
  it('accepts a valid change', () => {
    expect(checkOrganisation([...base, unit('c', 'a', 'C')], [], new Set(['c']))).toEqual([]);
  });

  it('refuses a cycle, a missing parent and a period that ends before it starts', () => {
    const units = [unit('soc', null), unit('a', 'b'), unit('b', 'a'), unit('d', 'nope'), unit('e', 'soc', 'E', { validFrom: '2022-01-01', validTo: '2021-12-31' })];
    const problems = checkOrganisation(units, [], new Set(['a', 'd', 'e']));
    expect(problems.map((p) => [p.unitId, p.field])).toEqual([
      ['a', 'parentId'],
      ['d', 'parentId'],
      ['e', 'validTo'],
    ]);
    expect(problems[0]!.message).toMatch(/slinga/);
  });

  it('refuses a parent that is closed during the unit’s period, and closing a parent with open units under it', () => {
    const closedParent = [unit('soc', null), unit('a', 'soc', 'A', { validTo: '2021-12-31' }), unit('c', 'a', 'C')];
    expect(checkOrganisation(closedParent, [], new Set(['c'])).map((p) => [p.unitId, p.field])).toEqual([['c', 'parentId']]);
    expect(checkOrganisation(closedParent, [], new Set(['a'])).map((p) => [p.unitId, p.field])).toEqual([['a', 'validTo']]);
  });

  it('counts a moved unit’s period under its new parent from the move', () => {
    const units = [unit('soc', null), unit('old', 'soc', 'Old', { validTo: '2020-12-31' }), unit('new', 'soc', 'New', { validFrom: '2021-01-01' }), unit('x', 'new')];
    expect(checkOrganisation(units, [], new Set(['x']))).toHaveLength(1);
    expect(checkOrganisation(units, [{ unitId: 'x', parentId: 'old', untilYear: 2020 }], new Set(['x']))).toEqual([]);
  });

  it('ignores old problems of units that were not touched', () => {
    expect(checkOrganisation([unit('soc', null), unit('z', 'gone')], [], new Set(['soc']))).toEqual([]);
  });
});

describe('validateUnitRecords', () => {
  it('reads Swedish and English headers, years and dates, and lower-cases codes', () => {
    const sv = validateUnitRecords(parseCsv('Kod;Namn;Överordnad;Giltig från;Giltig till\nHT-1;Hemtjänst 1;soc;2022;\n'));
    expect(sv).toEqual({
      rowsRead: 1,
      errors: [],
      units: [{ row: 2, id: 'ht-1', name: 'Hemtjänst 1', parentId: 'soc', validFrom: '2022-01-01', validTo: null, kind: null }],
    });
    const en = validateUnitRecords(parseCsv('code,name,parent,valid from,valid to,kind\nx,X,,2020-03-01,2021,area\n'));
    expect(en.units[0]).toMatchObject({ id: 'x', parentId: null, validFrom: '2020-03-01', validTo: '2021-12-31', kind: 'area' });
  });

  it('says for each bad row which column is wrong', () => {
    const v = validateUnitRecords(
      parseCsv('kod;namn;överordnad;giltig från;giltig till\nok;Bra;;;\nä ö;;;2022-02-30;\nok;Igen;;2023;2022\n'),
    );
    expect(v.units.map((u) => u.id)).toEqual(['ok']);
    expect(v.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'kod'],
      [3, 'namn'],
      [3, 'giltig från'],
      [4, 'giltig till'],
      [4, 'kod'],
    ]);
  });

  it('asks for the missing columns', () => {
    expect(validateUnitRecords(parseCsv('namn\nX\n')).errors).toEqual([{ row: 1, column: 'kod', message: 'Kolumnen "kod" saknas i rubrikraden.' }]);
  });
});

import type { LineageEvent } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { eventLabelsByYear, eventMarks, listNames } from './lineage-marks';

const merge: LineageEvent = {
  id: 1,
  year: 2022,
  kind: 'merge',
  label: '2 blev 1',
  note: null,
  from: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ],
  to: [{ id: 's', name: 'S' }],
};
const rename: LineageEvent = { id: 2, year: 2022, kind: 'rename', label: 'Hette tidigare X', note: null, from: [{ id: 's', name: 'X' }], to: [{ id: 's', name: 'S' }] };

describe('lineage marks', () => {
  it('labels each year in the reader’s language, joining events of one year', () => {
    expect(eventLabelsByYear([merge, rename], 'sv').get(2022)).toBe('2 blev 1; Hette tidigare X');
    expect(eventLabelsByYear([merge], 'en').get(2022)).toBe('2 became 1');
  });

  it('marks only years on the chart', () => {
    expect(eventMarks([merge], [2019, 2020, 2021, 2022], 'sv')).toEqual([{ year: 2022, label: '2 blev 1' }]);
    expect(eventMarks([merge], [2019, 2020], 'sv')).toEqual([]);
  });

  it('lists names as Swedish and English write them', () => {
    expect(listNames(merge.from, 'sv')).toBe('A och B');
    expect(listNames([...merge.from, { name: 'C' }], 'en')).toBe('A, B and C');
  });
});

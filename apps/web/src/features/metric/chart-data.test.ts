import { DEFAULT_METRICS, type Metric, type Point } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { buildTrendRows, gapRows, hiddenMarkers, incompleteMarkers, niceCeil, yAxisScale, yearSpan } from './chart-data';
import { describeTrend } from './chart-summary';

const sv = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  await sv.init({ resources, lng: 'sv', interpolation: { escapeValue: false } });
  await en.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
});

function metric(key: string): Metric {
  const m = DEFAULT_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
}

const sickLeave = metric('manager_sick_leave');

function point(year: number, value: number | null, extra: Partial<Point> = {}): Point {
  return {
    year,
    value,
    numerator: value === null ? null : value * 10,
    denominator: value === null ? null : 1000,
    suppressed: false,
    reason: null,
    source: value === null ? null : 'Syntetiska demodata',
    isSynthetic: true,
    coverage: { reported: 8, expected: 8, isFinal: false },
    ...extra,
  };
}

const hidden = (year: number, reason: Point['reason']): Point => point(year, null, { suppressed: true, reason });

const points: Point[] = [
  point(2024, 2.11, { source: 'Jönköpings kommun', isSynthetic: false }),
  point(2019, 3.42, { source: 'Jönköpings kommun', isSynthetic: false }),
  point(2020, 3.1234),
  hidden(2021, 'small_group'),
  hidden(2022, 'secondary'),
  point(2023, 2.5),
  point(2025, null),
];

describe('buildTrendRows', () => {
  it('orders years and rounds values to the shown precision', () => {
    const rows = buildTrendRows(sickLeave, points, 'sv', sv.t);
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(rows.map((r) => r.value)).toEqual([3.42, 3.12, null, null, 2.5, 2.11, null]);
  });

  it('explains each gap in words', () => {
    const rows = buildTrendRows(sickLeave, points, 'sv', sv.t);
    expect(gapRows(rows).map((r) => [r.year, r.status, r.note])).toEqual([
      [2021, 'hidden', 'Dold: gruppen är tio personer eller färre'],
      [2022, 'hidden', 'Dold så att en annan dold siffra inte kan räknas fram'],
      [2025, 'missing', 'Uppgift saknas'],
    ]);
    expect(hiddenMarkers(rows, 'Dold')).toEqual([
      { year: 2021, label: 'Dold' },
      { year: 2022, label: 'Dold' },
    ]);
  });

  it('keeps the source and whether the figure is synthetic', () => {
    const rows = buildTrendRows(sickLeave, points, 'sv', sv.t);
    expect(rows[0]).toMatchObject({ source: 'Jönköpings kommun', isSynthetic: false, numerator: 34.2, denominator: 1000 });
    expect(rows[1]).toMatchObject({ isSynthetic: true });
  });
});

describe('yAxisScale', () => {
  it('starts at zero and ends on a round number above values and target', () => {
    expect(yAxisScale([{ value: 3.42 }, { value: 2.11 }], sickLeave.target)).toEqual({ domain: [0, 4], ticks: [0, 1, 2, 3, 4] });
    expect(yAxisScale([{ value: 26 }, { value: 22.4 }], { min: null, max: 25 })).toEqual({ domain: [0, 30], ticks: [0, 10, 20, 30] });
    expect(yAxisScale([{ value: 28 }, { value: 50 }], { min: 50, max: null }).domain).toEqual([0, 60]);
  });

  it('makes room for a target above every value', () => {
    expect(yAxisScale([{ value: 1 }], { min: null, max: 5 }).domain[1]).toBeGreaterThanOrEqual(5);
  });

  it('has an axis even without values', () => {
    expect(yAxisScale([{ value: null }], null)).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
});

describe('niceCeil and yearSpan', () => {
  it('rounds up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
    expect([0.752, 1.6, 5.72, 12.1, 100].map(niceCeil)).toEqual([1, 2, 10, 20, 100]);
    expect(niceCeil(2.3)).toBe(2.5);
  });

  it('spans the first to the last year', () => {
    expect(yearSpan([{ year: 2019 }, { year: 2025 }])).toEqual({ from: 2019, to: 2025 });
    expect(yearSpan([])).toBeNull();
  });
});

describe('describeTrend', () => {
  it('summarises the chart for a screen reader', () => {
    const rows = buildTrendRows(sickLeave, points, 'sv', sv.t);
    expect(describeTrend(sickLeave, rows, 'Socialförvaltningen', 'sv', sv.t)).toBe(
      'Linjediagram: Sjukfrånvaro bland chefer för Socialförvaltningen, 2019–2025. ' +
        'Från 3,42\u00a0% år 2019 till 2,11\u00a0% år 2024. ' +
        'Senaste förändring: \u22120,39 procentenheter (förbättring). ' +
        'Mål: högst 2,50\u00a0%. Dolda år: 2021, 2022.',
    );
  });

  it('speaks English too', () => {
    const rows = buildTrendRows(sickLeave, points, 'en', en.t);
    expect(describeTrend(sickLeave, rows, 'Social services', 'en', en.t)).toContain('From 3.42% in 2019 to 2.11% in 2024.');
  });

  it('says when there is nothing to draw', () => {
    const rows = buildTrendRows(sickLeave, [hidden(2024, 'small_group')], 'sv', sv.t);
    expect(describeTrend(sickLeave, rows, 'Enhet A', 'sv', sv.t)).toBe(
      'Linjediagram: Sjukfrånvaro bland chefer för Enhet A, 2024. Inga värden att visa. Mål: högst 2,50\u00a0%. Dolda år: 2024.',
    );
  });
});

describe('a year only some units have reported', () => {
  it('breaks the line there, keeps the figure for the table and says how many reported', () => {
    const rows = buildTrendRows(
      sickLeave,
      [point(2025, 2.2), point(2026, 3.1, { coverage: { reported: 2, expected: 8, isFinal: false } })],
      'sv',
      sv.t,
    );
    const partial = rows.find((r) => r.year === 2026)!;
    expect(partial).toMatchObject({ value: null, figure: 3.1, isIncomplete: true, note: 'Ofullständigt: 2 av 8 enheter har rapporterat' });
    expect(incompleteMarkers(rows, sv.t)).toEqual([{ year: 2026, label: '2 av 8 har rapporterat' }]);
    expect(rows.find((r) => r.year === 2025)).toMatchObject({ value: 2.2, isIncomplete: false, note: null });
  });

  it('makes room on the axis for an earlier, higher target', () => {
    expect(yAxisScale([{ value: 1 }], { min: null, max: 2 }, { min: null, max: 6 }).domain[1]).toBeGreaterThanOrEqual(6);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisOf, isUnchangedAnalysis, type AnalysisVersion } from './analyses.js';
import { DEFAULT_METRICS } from './catalogue.js';
import { defaultReviewYear, reviewFigures, reviewRank, reviewUnits, reviewYears, sortReview, type ReviewPoint } from './review.js';
import type { Metric } from './schemas.js';

const metric = (key: string): Metric => DEFAULT_METRICS.find((m) => m.key === key)!;
const sickLeave = metric('manager_sick_leave'); // lower is better, at most 2.5 %
const tenure = metric('manager_tenure_3y'); // higher is better
const mobility = metric('manager_mobility_internal'); // neutral, no target

const complete = { reported: 8, expected: 8, isFinal: false };
const partial = { reported: 2, expected: 8, isFinal: false };
const shown = (year: number, value: number, coverage = complete): ReviewPoint => ({ year, value, suppressed: false, reason: null, coverage });
const hidden = (year: number): ReviewPoint => ({ year, value: null, suppressed: true, reason: 'small_group', coverage: complete });
const missing = (year: number): ReviewPoint => ({ year, value: null, suppressed: false, reason: null, coverage: complete });

describe('reviewFigures', () => {
  it('compares the year with the one before and judges it by that year’s target', () => {
    const r = reviewFigures(sickLeave, 2025, shown(2025, 2.614), shown(2024, 2.11));
    expect(r).toMatchObject({ value: 2.614, previousValue: 2.11, change: 0.5, direction: 'worsening', targetMet: false });
    expect(r.target).toEqual(sickLeave.target);
  });

  it('uses the target in force in the year reviewed, not the newest one', () => {
    const changing = { ...sickLeave, targetHistory: [{ validFrom: 1990, target: { min: null, max: 3 } }, { validFrom: 2026, target: { min: null, max: 2 } }] };
    expect(reviewFigures(changing, 2025, shown(2025, 2.8), undefined)).toMatchObject({ targetMet: true, target: { max: 3 } });
    expect(reviewFigures(changing, 2026, shown(2026, 2.8), undefined)).toMatchObject({ targetMet: false, target: { max: 2 } });
  });

  it('gives a hidden figure no value, no change and no verdict, only its reason', () => {
    const r = reviewFigures(sickLeave, 2025, hidden(2025), shown(2024, 2.11));
    expect(r).toMatchObject({ value: null, reason: 'small_group', previousValue: 2.11, change: null, direction: 'no_data', targetMet: null });
    const before = reviewFigures(sickLeave, 2025, shown(2025, 2.11), hidden(2024));
    expect(before).toMatchObject({ previousValue: null, previousReason: 'small_group', change: null, direction: 'no_data', targetMet: true });
  });

  it('shows an incomplete year but neither compares nor judges it', () => {
    const r = reviewFigures(sickLeave, 2026, shown(2026, 4, partial), shown(2025, 2));
    expect(r).toMatchObject({ value: 4, isIncomplete: true, change: null, direction: 'no_data', targetMet: null });
  });

  it('says steady when the change rounds to nothing, and only "changing" for a neutral metric', () => {
    expect(reviewFigures(sickLeave, 2025, shown(2025, 2.111), shown(2024, 2.109))).toMatchObject({ change: 0, direction: 'steady' });
    expect(reviewFigures(mobility, 2025, shown(2025, 6), shown(2024, 4))).toMatchObject({ direction: 'changing', targetMet: null });
    expect(reviewFigures(tenure, 2025, shown(2025, 52), shown(2024, 50))).toMatchObject({ change: 2, direction: 'improving' });
  });

  it('has nothing to say about a year without figures', () => {
    expect(reviewFigures(sickLeave, 2025, missing(2025), undefined)).toMatchObject({ value: null, reason: null, direction: 'no_data', targetMet: null });
  });
});

describe('reviewUnits', () => {
  const p = (value: number | null, suppressed = false, coverage = complete) => ({ value, suppressed, coverage });

  it('counts shown, hidden and missing units, and those meeting and missing the target', () => {
    const units = reviewUnits(sickLeave, 2025, [p(2), p(2.5), p(3.1), p(null, true), p(null, true), p(null)]);
    expect(units).toEqual({ shown: 3, hidden: 2, missing: 1, meetingTarget: 2, notMeetingTarget: 1, incomplete: 0 });
  });

  it('never counts a hidden unit as meeting or missing the target, whatever else is there', () => {
    const point = fc.oneof(
      fc.record({ value: fc.double({ min: 0, max: 10, noNaN: true }), suppressed: fc.constant(false), coverage: fc.constant(complete) }),
      fc.constant(p(null, true)),
      fc.constant(p(null)),
      fc.record({ value: fc.double({ min: 0, max: 10, noNaN: true }), suppressed: fc.constant(false), coverage: fc.constant(partial) }),
    );
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const u = reviewUnits(sickLeave, 2025, points);
        const judged = points.filter((x) => !x.suppressed && x.value !== null && x.coverage === complete).length;
        expect(u.hidden).toBe(points.filter((x) => x.suppressed).length);
        expect(u.meetingTarget! + u.notMeetingTarget!).toBe(judged);
        expect(u.shown + u.hidden + u.missing).toBe(points.length);
      }),
    );
  });

  it('does not judge an incomplete figure, and says nothing of a target where there is none', () => {
    expect(reviewUnits(sickLeave, 2026, [p(2), p(9, false, partial)])).toMatchObject({ shown: 2, incomplete: 1, meetingTarget: 1, notMeetingTarget: 0 });
    expect(reviewUnits(mobility, 2025, [p(2)])).toMatchObject({ meetingTarget: null, notMeetingTarget: null });
  });
});

describe('the review order', () => {
  const row = (key: string, direction: 'improving' | 'worsening' | 'steady' | 'changing' | 'no_data', targetMet: boolean | null) => ({ key, direction, targetMet });

  it('puts what got worse and misses its target first, then worse, then missing the target, and what cannot be judged last', () => {
    const rows = [
      row('steady-met', 'steady', true),
      row('no-data', 'no_data', null),
      row('better-missed', 'improving', false),
      row('worse-met', 'worsening', true),
      row('worse-missed', 'worsening', false),
      row('neutral', 'changing', null),
      row('hidden-missed-before', 'no_data', false),
    ];
    expect(sortReview(rows).map((r) => r.key)).toEqual([
      'worse-missed',
      'worse-met',
      'better-missed',
      'hidden-missed-before',
      'steady-met',
      'neutral',
      'no-data',
    ]);
  });

  it('keeps the catalogue order within a rank, and never loses or adds a row', () => {
    const directions = ['improving', 'worsening', 'steady', 'changing', 'no_data'] as const;
    fc.assert(
      fc.property(fc.array(fc.record({ direction: fc.constantFrom(...directions), targetMet: fc.constantFrom(true, false, null) }), { maxLength: 20 }), (raw) => {
        const rows = raw.map((r, i) => ({ ...r, i }));
        const sorted = sortReview(rows);
        expect(sorted.map((r) => r.i).sort((a, b) => a - b)).toEqual(rows.map((r) => r.i));
        for (let k = 1; k < sorted.length; k++) {
          const [a, b] = [sorted[k - 1]!, sorted[k]!];
          expect(reviewRank(a)).toBeLessThanOrEqual(reviewRank(b));
          if (reviewRank(a) === reviewRank(b)) expect(a.i).toBeLessThan(b.i);
        }
      }),
    );
  });
});

describe('the review year', () => {
  it('defaults to the latest complete year, never an incomplete one', () => {
    const years = reviewYears([
      [shown(2024, 2), shown(2025, 2), shown(2026, 3, partial)],
      [hidden(2024), hidden(2025), missing(2027)],
    ]);
    expect(years).toEqual([
      { year: 2024, isComplete: true },
      { year: 2025, isComplete: true },
      { year: 2026, isComplete: false },
    ]);
    expect(defaultReviewYear(years, 2030)).toBe(2025);
    expect(defaultReviewYear([], 2030)).toBe(2030);
  });
});

describe('analysisOf', () => {
  const v = (version: number, status: 'draft' | 'published', text = `text ${version}`): AnalysisVersion => ({
    version,
    text,
    status,
    writtenAt: `2026-03-0${version}T10:00:00.000Z`,
    writtenBy: 'Utvecklingschef',
  });
  const head = { id: 1, unitId: 'soc', metricKey: 'manager_sick_leave', year: 2025 };

  it('keeps the published text while a newer draft is written, and the earlier texts as history', () => {
    const a = analysisOf(head, [v(2, 'published'), v(1, 'draft'), v(3, 'draft')]);
    expect(a).toMatchObject({ text: 'text 3', status: 'draft', version: 3, published: { text: 'text 2', version: 2 } });
    expect(a.history.map((h) => h.version)).toEqual([2, 1]);
  });

  it('has nothing published while there are only drafts', () => {
    expect(analysisOf(head, [v(1, 'draft')]).published).toBeNull();
  });

  it('treats saving the same text with the same status as no change', () => {
    expect(isUnchangedAnalysis(v(1, 'draft', 'a'), { text: 'a', status: 'draft' })).toBe(true);
    expect(isUnchangedAnalysis(v(1, 'draft', 'a'), { text: 'a', status: 'published' })).toBe(false);
    expect(isUnchangedAnalysis(undefined, { text: 'a', status: 'draft' })).toBe(false);
  });
});

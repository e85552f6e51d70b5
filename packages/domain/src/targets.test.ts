import { describe, expect, it } from 'vitest';
import { isTargetMet, trendSummary } from './assess.js';
import { DEFAULT_METRICS } from './catalogue.js';
import { spreadOf } from './compare.js';
import type { Metric } from './schemas.js';
import { summarizePoints } from './summary.js';
import { EARLIEST_TARGET_YEAR, targetInYear, targetSpans, withNewTarget } from './targets.js';

const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;
const max = (v: number) => ({ min: null, max: v });
// Sick leave's target was 2,50 % until 2024; the committee set 2,40 % from 2025.
const history: Metric = {
  ...sickLeave,
  target: max(2.4),
  targetHistory: [
    { validFrom: EARLIEST_TARGET_YEAR, target: max(2.5) },
    { validFrom: 2025, target: max(2.4) },
  ],
};

describe('targetInYear', () => {
  it('is the target of the latest period that starts in or before the year', () => {
    expect(targetInYear(history, 2019)).toEqual(max(2.5));
    expect(targetInYear(history, 2024)).toEqual(max(2.5));
    expect(targetInYear(history, 2025)).toEqual(max(2.4));
    expect(targetInYear(history, 2030)).toEqual(max(2.4));
  });

  it('has no target before the first period, and one target for all years without a history', () => {
    expect(targetInYear({ target: max(1), targetHistory: [{ validFrom: 2024, target: max(1) }] }, 2023)).toBeNull();
    expect(targetInYear({ target: max(1) }, 2001)).toEqual(max(1));
    expect(targetInYear({ target: max(1), targetHistory: [] }, 2001)).toEqual(max(1));
  });
});

describe('every year judged by its own target', () => {
  it('keeps last year’s verdict when the target is lowered for the next', () => {
    // 2,45 % met 2,50 in 2024 and misses 2,40 in 2025.
    expect(summarizePoints(history, [{ year: 2024, value: 2.45, suppressed: false, reason: null }]).isTargetMet).toBe(true);
    const facts = summarizePoints(history, [
      { year: 2024, value: 2.45, suppressed: false, reason: null },
      { year: 2025, value: 2.45, suppressed: false, reason: null },
    ]);
    expect(facts.isTargetMet).toBe(false);
    expect(facts.target).toEqual(max(2.4));
    expect(trendSummary(history, [{ year: 2024, value: 2.45 }]).isTargetMet).toBe(true);
    expect(spreadOf(history, 2024, [{ value: 2.45, suppressed: false }]).meetingTarget).toBe(1);
    expect(spreadOf(history, 2025, [{ value: 2.45, suppressed: false }]).meetingTarget).toBe(0);
    expect(isTargetMet(targetInYear(history, 2025), 2.45, 2)).toBe(false);
  });
});

describe('targetSpans', () => {
  it('joins the years of one target and starts a span where it changes', () => {
    expect(targetSpans(history, [2026, 2023, 2024, 2025])).toEqual([
      { from: 2023, to: 2024, target: max(2.5) },
      { from: 2025, to: 2026, target: max(2.4) },
    ]);
  });
});

describe('withNewTarget', () => {
  it('keeps the earlier target for the years before, from the start when nothing was recorded', () => {
    expect(withNewTarget({ target: max(2.5) }, max(2.4), 2026)).toEqual([
      { validFrom: EARLIEST_TARGET_YEAR, target: max(2.5) },
      { validFrom: 2026, target: max(2.4) },
    ]);
  });

  it('replaces a period that starts the same year, and records no target from a year', () => {
    expect(withNewTarget(history, max(2.3), 2025)).toEqual([
      { validFrom: EARLIEST_TARGET_YEAR, target: max(2.5) },
      { validFrom: 2025, target: max(2.3) },
    ]);
    expect(withNewTarget(history, null, 2027)?.at(-1)).toEqual({ validFrom: 2027, target: null });
    expect(withNewTarget({ target: null }, null, 2027)).toEqual([]);
    expect(withNewTarget({ target: null }, max(3), 2027)).toEqual([{ validFrom: 2027, target: max(3) }]);
  });

  it('drops a new period that only repeats the one before (a target set back)', () => {
    expect(withNewTarget(history, max(2.5), 2025)).toEqual([{ validFrom: EARLIEST_TARGET_YEAR, target: max(2.5) }]);
  });

  it('refuses a year before the newest target', () => {
    expect(withNewTarget(history, max(2.3), 2024)).toBeNull();
  });
});

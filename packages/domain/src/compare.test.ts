import { describe, expect, it } from 'vitest';
import { spreadOf } from './compare.js';

const staffPerManager = { target: { min: null, max: 25 }, decimals: 1 };
const p = (value: number | null, suppressed = false) => ({ value, suppressed });

describe('spreadOf', () => {
  it('counts shown, hidden and missing units, and those meeting the target at the shown precision', () => {
    const s = spreadOf(staffPerManager, 2024, [p(24.9), p(25.04), p(25.06), p(31), p(null, true), p(null)]);
    // 25.04 shows as 25,0 and meets "at most 25"; 25.06 shows as 25,1 and does not.
    expect(s).toEqual({ year: 2024, members: 6, shown: 4, hidden: 1, noData: 1, incomplete: 0, meetingTarget: 2 });
  });

  it('says nothing about the target when there is none', () => {
    expect(spreadOf({ target: null, decimals: 1 }, 2024, [p(3)]).meetingTarget).toBeNull();
  });
});

describe('spreadOf and coverage', () => {
  it('draws an incomplete figure but does not judge it', () => {
    const partial = { value: 30, suppressed: false, coverage: { reported: 2, expected: 8, isFinal: false } };
    const final = { value: 30, suppressed: false, coverage: { reported: 2, expected: 8, isFinal: true } };
    expect(spreadOf(staffPerManager, 2026, [p(20), partial])).toMatchObject({ shown: 2, incomplete: 1, meetingTarget: 1 });
    // Marked final, it counts as the whole year: 30 misses "at most 25".
    expect(spreadOf(staffPerManager, 2026, [p(20), final])).toMatchObject({ shown: 2, incomplete: 0, meetingTarget: 1 });
  });
});

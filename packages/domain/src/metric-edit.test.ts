import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from './catalogue.js';
import { changedDefinitionFields, definitionChangeProblem, healthKeptProblem, nextTargetHistory, thresholdProblem } from './metric-edit.js';
import type { Metric } from './schemas.js';
import { EARLIEST_TARGET_YEAR } from './targets.js';

const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;
const max = (v: number) => ({ min: null, max: v });

describe('thresholdProblem', () => {
  it('refuses health data shown for groups under ten, and health data without a threshold', () => {
    expect(thresholdProblem({ sensitivity: 'health', suppressionThreshold: 9 })?.field).toBe('suppressionThreshold');
    expect(thresholdProblem({ sensitivity: 'health', suppressionThreshold: null })?.message).toMatch(/minst 10/);
  });

  it('lets health data at ten or more, and other data at any threshold', () => {
    expect(thresholdProblem({ sensitivity: 'health', suppressionThreshold: 10 })).toBeNull();
    expect(thresholdProblem({ sensitivity: 'personal', suppressionThreshold: 3 })).toBeNull();
    expect(thresholdProblem({ sensitivity: 'none', suppressionThreshold: null })).toBeNull();
  });
});

describe('healthKeptProblem', () => {
  it('refuses health data made into something else, and nothing else', () => {
    expect(healthKeptProblem({ sensitivity: 'health' }, { sensitivity: 'personal' })?.field).toBe('sensitivity');
    expect(healthKeptProblem({ sensitivity: 'health' }, { sensitivity: 'health' })).toBeNull();
    expect(healthKeptProblem({ sensitivity: 'personal' }, { sensitivity: 'health' })).toBeNull();
  });
});

describe('nextTargetHistory', () => {
  const before: Metric = { ...sickLeave, target: max(2.5), targetHistory: [] };

  it('keeps the history when the target is the same', () => {
    const kept = [{ validFrom: 2020, target: max(2.5) }];
    expect(nextTargetHistory({ ...before, targetHistory: kept }, { target: max(2.5) }, undefined)).toEqual({ history: kept });
  });

  it('asks from which year a changed target applies', () => {
    expect(nextTargetHistory(before, { target: max(2.4) }, undefined)).toEqual({ problem: expect.objectContaining({ field: 'targetFrom' }) });
  });

  it('keeps the old target for the years before the new one', () => {
    expect(nextTargetHistory(before, { target: max(2.4) }, 2025)).toEqual({
      history: [
        { validFrom: EARLIEST_TARGET_YEAR, target: max(2.5) },
        { validFrom: 2025, target: max(2.4) },
      ],
    });
  });

  it('refuses a new target that would apply before the newest one', () => {
    const history = [{ validFrom: 2025, target: max(2.5) }];
    const result = nextTargetHistory({ ...before, targetHistory: history }, { target: max(2.4) }, 2020);
    expect(result).toEqual({ problem: { field: 'targetFrom', message: expect.stringContaining('från 2025') } });
  });
});

describe('changedDefinitionFields and definitionChangeProblem', () => {
  it('names the definition texts changed in either language', () => {
    const after = { ...sickLeave, numerator: { ...sickLeave.numerator, en: 'Changed' } };
    expect(changedDefinitionFields(sickLeave, after)).toEqual(['numerator']);
    expect(changedDefinitionFields(sickLeave, { ...sickLeave })).toEqual([]);
  });

  it('asks for the year and the reason of a changed definition, and only then', () => {
    expect(definitionChangeProblem(['definition'], false)).toEqual({ field: 'definitionChange', message: expect.stringContaining('(definition)') });
    expect(definitionChangeProblem(['definition'], true)).toBeNull();
    expect(definitionChangeProblem([], false)).toBeNull();
  });
});

import { DEFAULT_METRICS, type MetricDefinitionVersion } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import {
  buildMetricPatch,
  buildNewMetric,
  EMPTY_NEW_METRIC,
  isDefinitionChanged,
  isTargetChanged,
  metricToForm,
  parseNumber,
  targetPeriods,
} from './catalogue-model';
import { definitionMarks, directionIcon } from './metric-display';

const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;

describe('the metric edit form', () => {
  it('round-trips a metric with no changes into an empty patch', () => {
    expect(buildMetricPatch(sickLeave, metricToForm(sickLeave))).toEqual({ patch: {}, errors: [] });
  });

  it('reads Swedish decimal commas and sends only the changed target, from the year it applies', () => {
    const form = { ...metricToForm(sickLeave), targetMax: '2,2', targetFrom: '2026' };
    expect(metricToForm(sickLeave).targetMax).toBe('2,5');
    expect(buildMetricPatch(sickLeave, form).patch).toEqual({ target: { min: null, max: 2.2 }, targetFrom: 2026 });
    expect(parseNumber(' 1 000,5 ')).toBe(1000.5);
    expect(parseNumber('abc')).toBe('invalid');
  });

  it('clears the target when both bounds are empty', () => {
    expect(buildMetricPatch(sickLeave, { ...metricToForm(sickLeave), targetMax: '', targetFrom: '2026' }).patch).toEqual({ target: null, targetFrom: 2026 });
  });

  it('asks from which year a changed target applies, not before the newest target', () => {
    const form = { ...metricToForm(sickLeave), targetMax: '2,2' };
    expect(isTargetChanged(sickLeave, form)).toBe(true);
    expect(buildMetricPatch(sickLeave, form).errors).toEqual([{ field: 'targetFrom', error: 'targetYear' }]);
    const withHistory = { ...sickLeave, targetHistory: [{ validFrom: 1990, target: { min: null, max: 2.5 } }, { validFrom: 2025, target: { min: null, max: 2.4 } }] };
    expect(buildMetricPatch(withHistory, { ...form, targetFrom: '2024' }).errors.map((e) => e.field)).toEqual(['targetFrom']);
    expect(buildMetricPatch(withHistory, { ...form, targetFrom: '2025' }).errors).toEqual([]);
    expect(targetPeriods(withHistory)).toEqual([
      { from: null, to: 2024, target: { min: null, max: 2.5 } },
      { from: 2025, to: null, target: { min: null, max: 2.4 } },
    ]);
  });

  it('sends the English texts the editor confirms are still right', () => {
    const form = { ...metricToForm(sickLeave), englishConfirmed: ['prompt' as const] };
    expect(buildMetricPatch(sickLeave, form).patch).toEqual({ englishConfirmed: ['prompt'] });
  });

  it('asks for the year and a note when the definition texts change', () => {
    const form = { ...metricToForm(sickLeave), definitionSv: 'Ny text' };
    expect(isDefinitionChanged(sickLeave, form)).toBe(true);
    expect(buildMetricPatch(sickLeave, form).errors.map((e) => e.field)).toEqual(['fromYear', 'note']);
    const { patch, errors } = buildMetricPatch(sickLeave, { ...form, fromYear: '2023', note: 'SKR ändrade' });
    expect(errors).toEqual([]);
    expect(patch.definition?.sv).toBe('Ny text');
    expect(patch.definitionChange).toEqual({ fromYear: 2023, note: 'SKR ändrade' });
  });

  it('names the fields that are wrong', () => {
    const form = { ...metricToForm(sickLeave), decimals: '7', suppressionThreshold: '0', targetMin: '3', targetMax: '1', targetFrom: '2026' };
    expect(buildMetricPatch(sickLeave, form).errors.map((e) => e.field).sort()).toEqual(['decimals', 'suppressionThreshold', 'targetMin']);
  });
});

describe('the add-metric form', () => {
  it('builds a whole metric, or names what is missing', () => {
    expect(buildNewMetric(EMPTY_NEW_METRIC, 9).errors.map((e) => e.field)).toContain('key');
    const filled = {
      ...EMPTY_NEW_METRIC,
      key: 'overtime',
      nameSv: 'Övertid',
      nameEn: 'Overtime',
      definitionSv: 'd',
      definitionEn: 'd',
      numeratorSv: 'n',
      numeratorEn: 'n',
      denominatorSv: 'd',
      denominatorEn: 'd',
    };
    const { metric } = buildNewMetric(filled, 9);
    expect(metric).toMatchObject({ key: 'overtime', sortOrder: 9, suppressionThreshold: 10, target: null });
  });

  it("checks with the domain's schema, the API's rules: a text too long for it is named before anything is sent", () => {
    const filled = { ...EMPTY_NEW_METRIC, key: 'overtime', nameSv: 'Ö'.repeat(4001), nameEn: 'O', definitionSv: 'd', definitionEn: 'd', numeratorSv: 'n', numeratorEn: 'n', denominatorSv: 'd', denominatorEn: 'd' };
    expect(buildNewMetric(filled, 9)).toEqual({ metric: null, errors: [{ field: 'nameSv', error: 'tooLong', max: 4000 }] });
    const form = { ...metricToForm(sickLeave), promptEn: 'x'.repeat(4001) };
    expect(buildMetricPatch(sickLeave, form).errors).toEqual([{ field: 'promptEn', error: 'tooLong', max: 4000 }]);
  });
});

describe('definition versions on the trend', () => {
  it('marks the years where a new version starts, oldest first, not the original', () => {
    const v = (version: number, validFromYear: number, note: string | null) =>
      ({ version, validFromYear, note }) as MetricDefinitionVersion;
    expect(definitionMarks([v(3, 2024, 'b'), v(2, 2022, 'a'), v(1, 2019, null)])).toEqual([
      { year: 2022, note: 'a' },
      { year: 2024, note: 'b' },
    ]);
  });
});

describe('direction icons', () => {
  it('show the movement, so a lower-is-better improvement points down', () => {
    expect(directionIcon('improving', 'lower')).toBe('down');
    expect(directionIcon('improving', 'higher')).toBe('up');
    expect(directionIcon('worsening', 'lower')).toBe('up');
    expect(directionIcon('steady', 'lower')).toBe('flat');
    expect(directionIcon('no_data', 'higher')).toBe('question');
  });
});

describe('bounded (a share or a rate)', () => {
  it('is in the patch only when changed, and a new metric takes what the form says', () => {
    const turnover = DEFAULT_METRICS.find((m) => m.key === 'staff_turnover')!;
    expect(metricToForm(turnover).bounded).toBe(false);
    expect(buildMetricPatch(turnover, { ...metricToForm(turnover), bounded: true }).patch).toEqual({ bounded: true });
    expect(buildMetricPatch(turnover, metricToForm(turnover)).patch).toEqual({});
    const filled = { ...EMPTY_NEW_METRIC, key: 'rate', nameSv: 'n', nameEn: 'n', definitionSv: 'd', definitionEn: 'd', numeratorSv: 'n', numeratorEn: 'n', denominatorSv: 'd', denominatorEn: 'd' };
    expect(buildNewMetric({ ...filled, bounded: false }, 1).metric?.bounded).toBe(false);
    expect(buildNewMetric(filled, 1).metric?.bounded).toBe(true);
  });
});

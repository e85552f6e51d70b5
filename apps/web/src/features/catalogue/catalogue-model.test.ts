import { DEFAULT_METRICS, type MetricDefinitionVersion } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import {
  buildMetricPatch,
  buildNewMetric,
  definitionMarks,
  directionIcon,
  EMPTY_NEW_METRIC,
  isDefinitionChanged,
  metricToForm,
  parseNumber,
} from './catalogue-model';

const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;

describe('the metric edit form', () => {
  it('round-trips a metric with no changes into an empty patch', () => {
    expect(buildMetricPatch(sickLeave, metricToForm(sickLeave))).toEqual({ patch: {}, errors: [] });
  });

  it('reads Swedish decimal commas and sends only the changed target', () => {
    const form = { ...metricToForm(sickLeave), targetMax: '2,2' };
    expect(metricToForm(sickLeave).targetMax).toBe('2,5');
    expect(buildMetricPatch(sickLeave, form).patch).toEqual({ target: { min: null, max: 2.2 } });
    expect(parseNumber(' 1 000,5 ')).toBe(1000.5);
    expect(parseNumber('abc')).toBe('invalid');
  });

  it('clears the target when both bounds are empty', () => {
    expect(buildMetricPatch(sickLeave, { ...metricToForm(sickLeave), targetMax: '' }).patch).toEqual({ target: null });
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
    const form = { ...metricToForm(sickLeave), decimals: '7', suppressionThreshold: '0', targetMin: '3', targetMax: '1' };
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

import { DEFAULT_METRICS, type Metric, type Point } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { buildCardModel } from './card-model';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'sv', interpolation: { escapeValue: false } });
});

function metric(key: string): Metric {
  const m = DEFAULT_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
}

const whole = { reported: 8, expected: 8, isFinal: false };

function shown(year: number, value: number, extra: Partial<Point> = {}): Point {
  return { year, value, numerator: null, denominator: null, suppressed: false, reason: null, source: 'Syntetiska demodata', isSynthetic: true, coverage: whole, ...extra };
}

function hidden(year: number, reason: Point['reason'] = 'small_group'): Point {
  return { year, value: null, numerator: null, denominator: null, suppressed: true, reason, source: null, isSynthetic: true, coverage: whole };
}

function missing(year: number): Point {
  return { year, value: null, numerator: null, denominator: null, suppressed: false, reason: null, source: null, isSynthetic: false, coverage: { ...whole, reported: 0 } };
}

const sickLeave = metric('manager_sick_leave');

describe('buildCardModel with a year only some units have reported', () => {
  const turnover = metric('staff_turnover');
  const partial = shown(2026, 5.0, { coverage: { reported: 2, expected: 8, isFinal: false } });

  it('keeps the last whole year as the headline, the change and the verdict, and says how many reported', () => {
    const model = buildCardModel(turnover, [shown(2024, 4.1), shown(2025, 4.3), partial], 'sv', i18n.t);
    expect(model.value?.year).toBe(2025);
    expect(model.latestYear).toBe(2025);
    expect(model.change).toMatchObject({ sinceYear: 2024 });
    expect(model.target).toEqual({ text: 'högst 5,0 %', isMet: true });
    expect(model.incomplete).toEqual({ year: 2026, reported: 2, expected: 8 });
    expect(model.trend.map((p) => p.year)).toEqual([2024, 2025]);
  });

  it('takes a year marked final as whole', () => {
    const model = buildCardModel(turnover, [shown(2025, 4.3), { ...partial, coverage: { reported: 2, expected: 8, isFinal: true } }], 'sv', i18n.t);
    expect(model.value?.year).toBe(2026);
    expect(model.incomplete).toBeNull();
  });

  it('judges the latest year by the target in force that year', () => {
    const history = { ...turnover, target: { min: null, max: 4 }, targetHistory: [{ validFrom: 1990, target: { min: null, max: 5 } }, { validFrom: 2026, target: { min: null, max: 4 } }] };
    const model = buildCardModel(history, [shown(2024, 4.1), shown(2025, 4.3)], 'sv', i18n.t);
    expect(model.target).toEqual({ text: 'högst 5,0 %', isMet: true });
  });
});

describe('buildCardModel', () => {
  it('shows the latest value, the change and the direction in Swedish', () => {
    const real = { source: 'Jönköpings kommun', isSynthetic: false };
    const model = buildCardModel(sickLeave, [shown(2023, 2.5), shown(2024, 2.11, real), shown(2019, 3.42, real)], 'sv', i18n.t);
    expect(model.state).toBe('shown');
    expect(model.value).toEqual({ text: '2,11\u00a0%', year: 2024, isSynthetic: false, source: 'Jönköpings kommun' });
    expect(model.change).toEqual({ text: '\u22120,39 procentenheter', sinceYear: 2023, movement: 'down' });
    expect(model.direction).toBe('improving');
    expect(model.target).toEqual({ text: 'högst 2,50\u00a0%', isMet: true });
    expect(model.trend.map((p) => p.year)).toEqual([2019, 2023, 2024]);
  });

  it('calls a rise in a lower-is-better metric a deterioration', () => {
    const model = buildCardModel(sickLeave, [shown(2023, 2.11), shown(2024, 2.6)], 'sv', i18n.t);
    expect(model.direction).toBe('worsening');
    expect(model.change?.movement).toBe('up');
    expect(model.target?.isMet).toBe(false);
  });

  it('gives the change between the values as shown', () => {
    const model = buildCardModel(sickLeave, [shown(2024, 1.6187), shown(2025, 1.9243)], 'sv', i18n.t);
    expect(model.value?.text).toBe('1,92\u00a0%');
    expect(model.change?.text).toBe('+0,30 procentenheter');
  });

  it('calls a change that rounds to nothing steady', () => {
    const model = buildCardModel(sickLeave, [shown(2023, 2.111), shown(2024, 2.114)], 'sv', i18n.t);
    expect(model.direction).toBe('steady');
    expect(model.change?.movement).toBe('flat');
  });

  it('says a latest figure is hidden, why, and which value was shown last', () => {
    const model = buildCardModel(sickLeave, [shown(2022, 3.1), hidden(2023), hidden(2024, 'secondary')], 'sv', i18n.t);
    expect(model.state).toBe('hidden');
    expect(model.latestYear).toBe(2024);
    expect(model.hiddenText).toBe('Dold så att en annan dold siffra inte kan räknas fram');
    expect(model.value?.year).toBe(2022);
    expect(model.change).toBeNull();
    expect(model.direction).toBe('no_data');
    expect(model.target?.isMet).toBeNull();
  });

  it('uses the threshold of the metric for small groups', () => {
    const model = buildCardModel(sickLeave, [hidden(2024)], 'sv', i18n.t);
    expect(model.hiddenText).toBe('Dold: gruppen är tio personer eller färre');
    expect(model.value).toBeNull();
  });

  it('ignores trailing years without data', () => {
    const model = buildCardModel(sickLeave, [shown(2023, 2.5), missing(2024), missing(2025)], 'sv', i18n.t);
    expect(model.state).toBe('shown');
    expect(model.latestYear).toBe(2023);
    expect(model.change).toBeNull();
  });

  it('is empty without any figure', () => {
    const model = buildCardModel(sickLeave, [missing(2024)], 'sv', i18n.t);
    expect(model.state).toBe('empty');
    expect(model.value).toBeNull();
  });

  it('has no target for a neutral metric and only says that it changed', () => {
    const model = buildCardModel(metric('manager_mobility_internal'), [shown(2023, 4), shown(2024, 6)], 'sv', i18n.t);
    expect(model.target).toBeNull();
    expect(model.direction).toBe('changing');
  });

  it('formats ratios without a percent sign', () => {
    const model = buildCardModel(metric('staff_per_manager'), [shown(2023, 26.04), shown(2024, 22.44)], 'sv', i18n.t);
    expect(model.value?.text).toBe('22,4');
    expect(model.change?.text).toBe('\u22123,6');
    expect(model.target).toEqual({ text: 'högst 25,0 medarbetare per chef', isMet: true });
  });
});

import { DEFAULT_METRICS, type Metric } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { describeTarget, formatQuantity, formatWithUnit, pointStatus, quantityDecimals, suppressionText } from './metric-text';

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

describe('formatWithUnit', () => {
  it('formats percentages the Swedish way', () => {
    expect(formatWithUnit(metric('manager_sick_leave'), 3.42, 'sv')).toBe('3,42\u00a0%');
    expect(formatWithUnit(metric('manager_sick_leave'), 3.42, 'en')).toBe('3.42%');
  });

  it('adds the unit label to ratios', () => {
    expect(formatWithUnit(metric('staff_per_manager'), 22.44, 'sv')).toBe('22,4 medarbetare per chef');
  });
});

describe('describeTarget', () => {
  it('describes an upper bound', () => {
    expect(describeTarget(metric('manager_sick_leave'), 'sv', sv.t)).toBe('högst 2,50\u00a0%');
    expect(describeTarget(metric('manager_sick_leave'), 'en', en.t)).toBe('at most 2.50%');
  });

  it('describes a lower bound', () => {
    expect(describeTarget(metric('manager_tenure_3y'), 'sv', sv.t)).toBe('minst 50\u00a0%');
  });

  it('describes a band', () => {
    const band = { ...metric('staff_per_manager'), target: { min: 10, max: 35 } };
    expect(describeTarget(band, 'sv', sv.t)).toBe('mellan 10,0 och 35,0 medarbetare per chef');
  });

  it('is null without a target', () => {
    expect(describeTarget(metric('manager_mobility_internal'), 'sv', sv.t)).toBeNull();
  });
});

describe('suppressionText', () => {
  it('names the threshold of a small group in words', () => {
    expect(suppressionText('small_group', 10, 'sv', sv.t)).toBe('Dold: gruppen är tio personer eller färre');
    expect(suppressionText('small_group', 10, 'en', en.t)).toBe('Hidden: the group is ten people or fewer');
    expect(suppressionText('small_group', 15, 'sv', sv.t)).toBe('Dold: gruppen är 15 personer eller färre');
  });

  it('explains secondary suppression and unknown group size', () => {
    expect(suppressionText('secondary', 10, 'sv', sv.t)).toBe('Dold så att en annan dold siffra inte kan räknas fram');
    expect(suppressionText('unknown_group_size', 10, 'sv', sv.t)).toBe('Dold: gruppens storlek är okänd');
    expect(suppressionText('small_group', null, 'sv', sv.t)).toBe('Dold: gruppen är för liten');
  });
});

describe('formatQuantity and pointStatus', () => {
  it('shows heads whole and hours with hundredths', () => {
    expect(formatQuantity(1234, 'sv')).toBe('1\u00a0234');
    expect(formatQuantity(1234.5, 'sv')).toBe('1\u00a0234,50');
  });

  it('gives a column one number of decimals', () => {
    const decimals = quantityDecimals([15, 15.6, null]);
    expect([15, 15.6].map((v) => formatQuantity(v, 'sv', decimals))).toEqual(['15,00', '15,60']);
    expect(quantityDecimals([10, 12, null])).toBe(0);
  });

  it('tells shown, hidden and missing points apart', () => {
    expect(pointStatus({ value: 3, suppressed: false })).toBe('shown');
    expect(pointStatus({ value: null, suppressed: true })).toBe('hidden');
    expect(pointStatus({ value: null, suppressed: false })).toBe('missing');
  });
});

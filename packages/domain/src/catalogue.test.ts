import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS, METRIC_KEYS } from './catalogue.js';
import { DEFAULT_PRINCIPLES } from './principles.js';
import { metricSchema, principleSchema, type Metric } from './schemas.js';

const BRIEF_METRICS = [
  'staff_per_manager',
  'manager_turnover_external',
  'manager_tenure_3y',
  'staff_turnover',
  'manager_sick_leave',
  'manager_mobility_internal',
];

const byKey = (key: string): Metric => {
  const m = DEFAULT_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(`missing metric ${key}`);
  return m;
};

describe('DEFAULT_METRICS', () => {
  it('has the six metrics of the brief, once each, in sort order', () => {
    expect([...METRIC_KEYS].sort()).toEqual([...BRIEF_METRICS].sort());
    expect(new Set(METRIC_KEYS).size).toBe(METRIC_KEYS.length);
    expect(METRIC_KEYS).toEqual(DEFAULT_METRICS.map((m) => m.key));
    const orders = DEFAULT_METRICS.map((m) => m.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each(BRIEF_METRICS)('%s is a valid metric', (key) => {
    const result = metricSchema.safeParse(byKey(key));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('links every metric only to principles that exist', () => {
    const principleKeys = new Set(DEFAULT_PRINCIPLES.map((p) => p.key));
    for (const m of DEFAULT_METRICS) {
      expect(m.principles.length, m.key).toBeGreaterThan(0);
      for (const p of m.principles) expect(principleKeys.has(p), `${m.key} → ${p}`).toBe(true);
    }
  });

  it('links metrics as the brief does', () => {
    expect([...byKey('staff_per_manager').principles].sort()).toEqual(['handlingsutrymme', 'stod']);
    for (const key of ['manager_tenure_3y', 'staff_turnover', 'manager_turnover_external']) {
      expect(byKey(key).principles, key).toEqual(expect.arrayContaining(['tillit', 'kunskap']));
    }
  });

  it('treats sick leave among managers as health data, hidden for groups of ten or fewer', () => {
    const m = byKey('manager_sick_leave');
    expect(m.suppressionThreshold).toBe(10);
    expect(m.sensitivity).toBe('health');
    expect(m.scale).toBe('percent');
    expect(m.numeratorKind).toBe('hours');
    expect(m.denominatorKind).toBe('hours');
    expect(m.goodDirection).toBe('lower');
    expect(m.decimals).toBe(2);
  });

  it('has a suppression threshold for every metric about persons', () => {
    for (const m of DEFAULT_METRICS) {
      if (m.sensitivity !== 'none') expect(m.suppressionThreshold, m.key).toBe(10);
    }
  });

  it('uses the good directions and the target of the brief', () => {
    expect(byKey('staff_per_manager')).toMatchObject({ goodDirection: 'lower', scale: 'ratio', target: { max: 25 } });
    expect(byKey('manager_turnover_external').goodDirection).toBe('lower');
    expect(byKey('manager_tenure_3y').goodDirection).toBe('higher');
    expect(byKey('staff_turnover').goodDirection).toBe('lower');
    expect(byKey('manager_mobility_internal').goodDirection).toBe('neutral');
  });

  it('gives every metric a definition and a prompt in both languages, and percentages no unit label', () => {
    for (const m of DEFAULT_METRICS) {
      for (const text of [m.name, m.definition, m.numerator, m.denominator, m.prompt]) {
        expect(text.sv.trim().length, m.key).toBeGreaterThan(0);
        expect(text.en.trim().length, m.key).toBeGreaterThan(0);
      }
      if (m.scale === 'percent') expect(m.unitLabel, m.key).toBeNull();
      else expect(m.unitLabel, m.key).not.toBeNull();
    }
  });
});

describe('DEFAULT_PRINCIPLES', () => {
  it('has exactly the seven principles of Tillitsdelegationen', () => {
    expect(DEFAULT_PRINCIPLES).toHaveLength(7);
    expect(DEFAULT_PRINCIPLES.map((p) => p.name.sv)).toEqual([
      'Tillit',
      'Medborgarfokus',
      'Helhetssyn',
      'Handlingsutrymme',
      'Stöd',
      'Kunskap',
      'Öppenhet',
    ]);
    expect(new Set(DEFAULT_PRINCIPLES.map((p) => p.key)).size).toBe(7);
  });

  it('does not include the later eighth principle', () => {
    expect(DEFAULT_PRINCIPLES.map((p) => p.name.sv)).not.toContain('Långsiktighet');
  });

  it.each(DEFAULT_PRINCIPLES.map((p) => [p.key, p] as const))('%s is a valid principle', (_key, principle) => {
    expect(principleSchema.safeParse(principle).error?.issues ?? []).toEqual([]);
  });
});

import { DEFAULT_METRICS, summarizePoints, summaryResponseSchema, summarySentences, type SummaryPoint } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { isSummaryResponse } from './summary-guard';

// The summary's entry checks its answer by hand (no zod there); the check must say yes exactly
// where the shared schema does.

const WHOLE = { reported: 8, expected: 8, isFinal: false };
const shown = (year: number, value: number): SummaryPoint => ({ year, value, suppressed: false, reason: null, source: 'Jönköpings kommun', isSynthetic: false, coverage: WHOLE });
const hidden = (year: number): SummaryPoint => ({ year, value: null, suppressed: true, reason: 'small_group', source: null, isSynthetic: true, coverage: WHOLE });

function metric(key: string, points: SummaryPoint[]) {
  const m = DEFAULT_METRICS.find((x) => x.key === key)!;
  const facts = summarizePoints(m, points);
  return {
    key: m.key,
    name: m.name,
    definition: m.definition,
    englishOutdated: ['definition'],
    scale: m.scale,
    decimals: m.decimals,
    unitLabel: m.unitLabel,
    goodDirection: m.goodDirection,
    suppressionThreshold: m.suppressionThreshold,
    latest: facts.latest,
    previous: facts.previous,
    first: facts.first,
    changeSinceLastYear: facts.changeSinceLastYear,
    changeSinceFirst: facts.changeSinceFirst,
    target: facts.target ?? { min: null, max: 25 },
    isTargetMet: facts.isTargetMet,
    direction: facts.direction,
    incomplete: [{ year: 2025, reported: 3, expected: 8 }],
    sentences: { sv: summarySentences(m, points, 'sv').map((s) => s.text), en: summarySentences(m, points, 'en').map((s) => s.text) },
    principles: [{ key: 'stod', name: { sv: 'Stöd', en: 'Support' } }],
    annotations: [
      {
        id: 1, unitId: 'soc', metricKey: key, yearFrom: 2023, yearTo: 2024, text: 'Två långa sjukskrivningar.',
        author: { displayName: 'Elin' }, createdAt: '2026-01-02T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z', unitName: 'Socialförvaltningen',
      },
    ],
    analysis: { text: 'Sjukfrånvaron sjönk efter omorganisationen.', year: 2024, publishedAt: '2026-02-01T09:00:00.000Z' },
    points,
  };
}

const unit = { id: 'soc', name: 'Socialförvaltningen', kind: 'department', parentId: null };
const summary = {
  unit,
  root: unit,
  areas: [{ id: 'ifo', name: 'IFO', kind: 'area', parentId: 'soc' }],
  generatedAt: '2026-03-10T08:00:00.000Z',
  latestYear: 2024,
  dataUpdatedAt: null,
  isDemo: true,
  metrics: [metric('manager_sick_leave', [shown(2019, 3.42), hidden(2023), shown(2024, 2.11)]), metric('staff_per_manager', [shown(2024, 18)])],
};

type Json = Record<string, unknown>;
const withField = (o: Json, key: string, value: unknown): Json => ({ ...o, [key]: value });
const without = (o: Json, key: string): Json => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
const withMetric = (change: (m: Json) => Json): Json => ({ ...summary, metrics: [change(summary.metrics[0] as Json), summary.metrics[1]] });

function agree(samples: unknown[]) {
  for (const sample of samples) {
    expect(isSummaryResponse(sample), JSON.stringify(sample).slice(0, 300)).toBe(summaryResponseSchema.safeParse(sample).success);
  }
}

describe('isSummaryResponse', () => {
  it('takes a real summary, and one without any metrics or areas', () => {
    expect(summaryResponseSchema.safeParse(summary).success).toBe(true);
    agree([summary, { ...summary, metrics: [], areas: [] }, withMetric((m) => without(m, 'englishOutdated'))]);
  });

  it('agrees with the schema on a summary missing or mistyping each of its fields', () => {
    const top = Object.keys(summary);
    agree(top.map((k) => without(summary, k)));
    agree(top.map((k) => withField(summary, k, 7)));
    agree([withField(summary, 'unit', { ...unit, kind: 'team' }), withField(summary, 'latestYear', 2024.5), null, [], '<!doctype html>']);
  });

  it('agrees on each field of a metric', () => {
    const m = summary.metrics[0] as Json;
    const keys = Object.keys(m);
    agree(keys.map((k) => withMetric((x) => without(x, k))));
    agree(keys.map((k) => withMetric((x) => withField(x, k, 'x'))));
    agree(keys.map((k) => withMetric((x) => withField(x, k, null))));
    agree([
      withMetric((x) => withField(x, 'name', { sv: '  ', en: 'Name' })),
      withMetric((x) => withField(x, 'target', { min: null, max: null })),
      withMetric((x) => withField(x, 'target', { min: 30, max: 20 })),
      withMetric((x) => withField(x, 'englishOutdated', ['colour'])),
      withMetric((x) => withField(x, 'direction', 'sideways')),
      withMetric((x) => withField(x, 'sentences', { sv: ['a'], en: [1] })),
    ]);
  });

  it('agrees on the points, figures and notes inside a metric', () => {
    const point = (m: Json) => (m.points as Json[])[0]!;
    const note = (m: Json) => (m.annotations as Json[])[0]!;
    const samples: unknown[] = [];
    for (const k of Object.keys(point(summary.metrics[0] as Json))) {
      samples.push(withMetric((m) => ({ ...m, points: [without(point(m), k)] })));
      samples.push(withMetric((m) => ({ ...m, points: [withField(point(m), k, 'x')] })));
    }
    for (const k of Object.keys(note(summary.metrics[0] as Json))) {
      samples.push(withMetric((m) => ({ ...m, annotations: [without(note(m), k)] })));
    }
    samples.push(withMetric((m) => ({ ...m, points: [withField(point(m), 'coverage', { reported: -1, expected: 1, isFinal: false })] })));
    samples.push(withMetric((m) => ({ ...m, points: [withField(point(m), 'reason', 'tiny')] })));
    samples.push(withMetric((m) => ({ ...m, latest: { year: 2024, value: 1, suppressed: false } })));
    samples.push(withMetric((m) => ({ ...m, annotations: [withField(note(m), 'author', { name: 'x' })] })));
    samples.push(withMetric((m) => ({ ...m, analysis: null })));
    samples.push(withMetric((m) => ({ ...m, analysis: { text: 'Utkast', year: '2024', publishedAt: '2026-02-01' } })));
    samples.push(withMetric((m) => ({ ...m, analysis: { year: 2024, publishedAt: '2026-02-01' } })));
    agree(samples);
  });
});

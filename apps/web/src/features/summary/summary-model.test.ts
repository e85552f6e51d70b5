import { DEFAULT_METRICS, formatDate, summarizePoints, summarySentences, type SummaryMetricResponse, type SummaryPoint, type SummaryResponse } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { buildSummaryMetricModel, formatYears, sourceNotes, summaryHeaderLines, unitChoices } from './summary-model';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'sv', interpolation: { escapeValue: false } });
});

const REAL = 'Jönköpings kommun';
const WHOLE = { reported: 8, expected: 8, isFinal: false };
const SYNTHETIC = 'Syntetiska demodata (Tillit)';
const shown = (year: number, value: number, isSynthetic = true): SummaryPoint => ({
  year,
  value,
  suppressed: false,
  reason: null,
  source: isSynthetic ? SYNTHETIC : REAL,
  isSynthetic,
  coverage: WHOLE,
});
const hidden = (year: number): SummaryPoint => ({ year, value: null, suppressed: true, reason: 'small_group', source: null, isSynthetic: true, coverage: WHOLE });
const missing = (year: number): SummaryPoint => ({ year, value: null, suppressed: false, reason: null, source: null, isSynthetic: false, coverage: { ...WHOLE, reported: 0 } });

/** A metric entry as the API builds it, from the domain's own functions. */
function entry(key: string, points: SummaryPoint[], extra: Partial<SummaryMetricResponse> = {}): SummaryMetricResponse {
  const m = DEFAULT_METRICS.find((x) => x.key === key)!;
  const facts = summarizePoints(m, points);
  return {
    key: m.key,
    name: m.name,
    definition: m.definition,
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
    target: facts.target,
    isTargetMet: facts.isTargetMet,
    direction: facts.direction,
    incomplete: facts.incomplete,
    sentences: { sv: summarySentences(m, points, 'sv').map((s) => s.text), en: summarySentences(m, points, 'en').map((s) => s.text) },
    principles: [{ key: 'stod', name: { sv: 'Stöd', en: 'Support' } }],
    annotations: [],
    analysis: null,
    points,
    ...extra,
  };
}

describe('buildSummaryMetricModel', () => {
  it('gives the latest value big, the changes, the target and the table in Swedish', () => {
    const model = buildSummaryMetricModel(
      entry('manager_sick_leave', [shown(2019, 3.42, false), shown(2023, 2.2), shown(2024, 2.11, false)]),
      'sv',
      i18n.t,
    );
    expect(model.latest).toEqual({ state: 'shown', year: 2024, text: '2,11\u00a0%', unit: null, isSynthetic: false });
    expect(model.changeSinceLast).toEqual({ text: '\u22120,09 procentenheter', sinceYear: 2023, direction: 'improving', movement: 'down' });
    expect(model.changeSinceFirst).toEqual({ text: '\u22121,31 procentenheter', sinceYear: 2019 });
    expect(model.target).toEqual({ text: 'högst 2,50\u00a0%', isMet: true });
    expect(model.sentences[0]).toBe('Sjukfrånvaron bland chefer har minskat från 3,42\u00a0% 2019 till 2,11\u00a0% 2024.');
    expect(model.principles).toEqual(['Stöd']);
    expect(model.cells.map((c) => c.text)).toEqual(['3,42\u00a0%', '2,20\u00a0%', '2,11\u00a0%']);
    expect(model.cells.map((c) => c.isSynthetic)).toEqual([false, true, false]);
  });

  it('says a hidden latest value is hidden and why, with no number and no change', () => {
    const model = buildSummaryMetricModel(entry('manager_sick_leave', [shown(2023, 2.2), hidden(2024), missing(2025)]), 'sv', i18n.t);
    expect(model.latest).toEqual({ state: 'hidden', year: 2024, text: 'Dold: gruppen är tio personer eller färre' });
    expect(model.changeSinceLast).toBeNull();
    expect(model.changeSinceFirst).toBeNull();
    expect(model.target).toEqual({ text: 'högst 2,50\u00a0%', isMet: null });
    expect(model.cells.map((c) => [c.text, c.status])).toEqual([
      ['2,20\u00a0%', 'shown'],
      ['Dold', 'hidden'],
      ['Saknas', 'missing'],
    ]);
    expect(model.cells[1]!.note).toBe('Dold: gruppen är tio personer eller färre');
  });

  it('writes a ratio with its unit, in English', () => {
    const model = buildSummaryMetricModel(entry('staff_per_manager', [shown(2023, 20.1), shown(2024, 19.8)]), 'en', i18n.t);
    expect(model.latest).toEqual({ state: 'shown', year: 2024, text: '19.8', unit: 'staff per manager', isSynthetic: true });
    expect(model.changeSinceLast?.text).toBe('\u22120.3');
    expect(model.name).toBe('Staff per manager');
  });

  it('has no target for a neutral metric without one, and dates the public notes', () => {
    const note = {
      id: 7,
      unitId: 'soc',
      metricKey: 'manager_mobility_internal',
      yearFrom: 2021,
      yearTo: 2022,
      text: 'Omorganisation.',
      author: { displayName: 'Utvecklingschef' },
      unitName: 'Socialförvaltningen',
      createdAt: '2025-03-04T10:00:00.000Z',
      updatedAt: '2025-03-04T10:00:00.000Z',
    };
    const model = buildSummaryMetricModel(entry('manager_mobility_internal', [shown(2024, 4.3)], { annotations: [note] }), 'sv', i18n.t);
    expect(model.target).toBeNull();
    expect(model.annotations).toEqual([
      { key: 7, years: '2021\u20132022', unitName: 'Socialförvaltningen', author: 'Utvecklingschef', date: '4 mars 2025', text: 'Omorganisation.' },
    ]);
    // A public link names no one.
    const anonymous = buildSummaryMetricModel(entry('manager_mobility_internal', [shown(2024, 4.3)], { annotations: [{ ...note, author: null }] }), 'sv', i18n.t);
    expect(anonymous.annotations[0]!.author).toBeNull();
  });
});

describe('a year only some units have reported', () => {
  it('marks it in the table and says how many reported, while the latest figure stays the last whole year', () => {
    const partial: SummaryPoint = { ...shown(2026, 5), coverage: { reported: 2, expected: 8, isFinal: false } };
    const model = buildSummaryMetricModel(entry('staff_turnover', [shown(2024, 4.1), shown(2025, 4.3), partial]), 'sv', i18n.t);
    expect(model.latest).toMatchObject({ state: 'shown', year: 2025 });
    expect(model.incomplete).toEqual(['2026: 2 av 8 enheter har rapporterat.']);
    expect(model.cells.at(-1)).toMatchObject({ year: 2026, status: 'incomplete', text: '5,0\u00a0% (ofullständigt)' });
  });
});

describe('sourceNotes', () => {
  it('groups the years by source, real figures first, and leaves hidden years out', () => {
    expect(sourceNotes([shown(2019, 1, false), shown(2020, 1), hidden(2021), shown(2022, 1), shown(2024, 1, false)])).toEqual([
      { years: [2019, 2024], source: REAL, isSynthetic: false },
      { years: [2020, 2022], source: SYNTHETIC, isSynthetic: true },
    ]);
  });
});

describe('the page head', () => {
  const base: SummaryResponse = {
    unit: { id: 'soc', name: 'Socialförvaltningen', kind: 'department', parentId: null },
    root: { id: 'soc', name: 'Socialförvaltningen', kind: 'department', parentId: null },
    areas: [
      { id: 'ifo', name: 'Individ- och familjeomsorg', kind: 'area', parentId: 'soc' },
      { id: 'hsl', name: 'Hälso- och sjukvård', kind: 'area', parentId: 'soc' },
    ],
    generatedAt: '2026-03-10T08:00:00.000Z',
    latestYear: 2025,
    dataUpdatedAt: '2026-02-01T12:00:00.000Z',
    isDemo: true,
    metrics: [],
  };

  it('says when, how fresh and which part, for print as well as screen', () => {
    expect(summaryHeaderLines(base, 'sv', i18n.t)).toEqual({
      generated: 'Sammanställd 10 mars 2026',
      freshness: 'Uppgifter till och med 2025, senast uppdaterade 1 februari 2026',
      scope: 'Visar: hela Socialförvaltningen',
    });
    const area = { ...base, unit: base.areas[0]!, dataUpdatedAt: null };
    expect(summaryHeaderLines(area, 'sv', i18n.t)).toMatchObject({
      freshness: 'Uppgifter till och med 2025',
      scope: 'Visar: Individ- och familjeomsorg, ett område inom Socialförvaltningen',
    });
    expect(summaryHeaderLines({ ...base, latestYear: null }, 'sv', i18n.t).freshness).toBe('Det finns inga uppgifter ännu');
  });

  it('offers the whole organisation first, then the areas, marking the current one', () => {
    const choices = unitChoices({ ...base, unit: base.areas[1]! }, i18n.t);
    expect(choices).toEqual([
      { id: 'soc', label: 'Hela Socialförvaltningen', isCurrent: false },
      { id: 'ifo', label: 'Individ- och familjeomsorg', isCurrent: false },
      { id: 'hsl', label: 'Hälso- och sjukvård', isCurrent: true },
    ]);
  });

  it('formats dates and spans of years', () => {
    expect(formatDate('2026-03-10T08:00:00.000Z', 'en')).toBe('10 March 2026');
    expect(formatDate('not a date', 'sv')).toBe('not a date');
    expect(formatYears(2021, 2021)).toBe('2021');
  });
});

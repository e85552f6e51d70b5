import { DEFAULT_METRICS, type MetricResponse, type ReviewMetric } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { analysisState, buildReviewRow, unitsShortText, unitsText } from './review-model';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'sv', interpolation: { escapeValue: false } });
});

const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')! as MetricResponse;
const units = { shown: 5, hidden: 40, missing: 0, meetingTarget: 4, notMeetingTarget: 1, incomplete: 0 };
const row = (extra: Partial<ReviewMetric> = {}): ReviewMetric => ({
  metricKey: 'manager_sick_leave',
  value: 2.02,
  reason: null,
  previousValue: 2.11,
  previousReason: null,
  change: -0.09,
  direction: 'improving',
  targetMet: true,
  target: { min: null, max: 2.5 },
  coverage: { reported: 40, expected: 40, isFinal: false },
  isIncomplete: false,
  isPreviousIncomplete: false,
  units,
  notes: [],
  openDataNeeds: [],
  analysis: null,
  ...extra,
});
const NBSP = '\u00a0';

describe('buildReviewRow', () => {
  it('writes the figures, the change and the verdict in Swedish', () => {
    const model = buildReviewRow(row(), sickLeave, 'sv', i18n.t);
    expect(model.value).toEqual({ text: `2,02${NBSP}%`, status: 'shown', note: null });
    expect(model.previous.text).toBe(`2,11${NBSP}%`);
    expect(model.change).toEqual({ text: '\u22120,09 procentenheter', direction: 'improving', movement: 'down' });
    expect(model.target).toEqual({ text: `högst 2,50${NBSP}%`, isMet: true });
    expect(model.anchor).toBe('review-manager_sick_leave');
  });

  it('says that a hidden figure is hidden and why, with no number', () => {
    const model = buildReviewRow(row({ value: null, reason: 'small_group', change: null, direction: 'no_data', targetMet: null }), sickLeave, 'sv', i18n.t);
    expect(model.value).toEqual({ text: 'dold', status: 'hidden', note: 'Dold: gruppen är tio personer eller färre' });
    expect(model.change).toBeNull();
    expect(model.target?.isMet).toBeNull();
  });

  it('marks an incomplete year in words', () => {
    const model = buildReviewRow(row({ isIncomplete: true, change: null, targetMet: null }), sickLeave, 'sv', i18n.t);
    expect(model.value).toMatchObject({ status: 'incomplete', note: 'alla enheter har inte rapporterat' });
  });

  it('counts the notes and open questions in words, and says nothing when there are none', () => {
    const note = { id: 1, unitId: 'a', unitName: 'A', yearFrom: 2025, yearTo: 2025, visibility: 'internal' as const, text: 't', author: { displayName: 'X' }, replyCount: 0, createdAt: '' };
    const need = { id: 2, unitId: null, unitName: null, text: 'q', status: 'received' as const, author: { displayName: 'Y' }, createdAt: '' };
    expect(buildReviewRow(row(), sickLeave, 'sv', i18n.t).context).toBeNull();
    expect(buildReviewRow(row({ notes: [note, { ...note, id: 3 }], openDataNeeds: [need] }), sickLeave, 'sv', i18n.t).context).toBe('2 anteckningar, 1 öppen fråga');
  });
});

describe('the units below in words', () => {
  it('says how many meet the target, how many do not, and how many are hidden or missing', () => {
    expect(unitsText(units, i18n.t)).toBe('45 enheter under: 4 når målet, 1 når det inte, 40 dolda');
    expect(unitsShortText(units, i18n.t)).toBe('4 av 5 når målet, 40 dolda');
    expect(unitsText({ ...units, missing: 1, hidden: 0 }, i18n.t)).toBe('6 enheter under: 4 når målet, 1 når det inte, 1 saknar värde');
  });

  it('speaks only of shown units where there is no target, and of none where there are none', () => {
    const noTarget = { ...units, meetingTarget: null, notMeetingTarget: null };
    expect(unitsText(noTarget, i18n.t)).toBe('45 enheter under: 5 visas, 40 dolda');
    expect(unitsText({ shown: 0, hidden: 0, missing: 0, meetingTarget: null, notMeetingTarget: null, incomplete: 0 }, i18n.t)).toBe('Inga enheter under');
    // All hidden: nothing to judge, so no "0 av 0".
    const allHidden = { shown: 0, hidden: 8, missing: 0, meetingTarget: 0, notMeetingTarget: 0, incomplete: 0 };
    expect(unitsText(allHidden, i18n.t)).toBe('8 enheter under: 8 dolda');
    expect(unitsShortText(allHidden, i18n.t)).toBe('8 dolda');
  });
});

describe('analysisState', () => {
  const published = { text: 'p', publishedAt: '2026-03-01T00:00:00Z', version: 1 };
  it('tells a first draft from a new draft after a published version', () => {
    expect(analysisState(null)).toBe('none');
    expect(analysisState({ status: 'draft', published: null })).toBe('draft');
    expect(analysisState({ status: 'published', published })).toBe('published');
    expect(analysisState({ status: 'draft', published })).toBe('newer_draft');
  });
});

import {
  describeTargetValue,
  formatChange,
  isIncomplete,
  formatDate,
  formatMetricValue,
  type Direction,
  type Language,
  type SummaryMetricResponse,
  type SummaryPoint,
  type SummaryResponse,
} from '@tillit/domain';
import type { TFunction } from 'i18next';
import { suppressionText } from '../metric/metric-text';

/** A span of years: `2021` or `2021–2022`. */
export const formatYears = (from: number, to: number): string => (from === to ? String(from) : `${from}\u2013${to}`);

export interface TableCell {
  year: number;
  text: string;
  /** `incomplete`: shown, but not every expected unit has reported yet. */
  status: 'shown' | 'hidden' | 'missing' | 'incomplete';
  /** Why a hidden value is hidden, for a footnote or a screen reader. */
  note: string | null;
  isSynthetic: boolean;
}

export interface SourceNote {
  years: number[];
  source: string;
  isSynthetic: boolean;
}

export interface SummaryMetricModel {
  key: string;
  name: string;
  definition: string;
  sentences: string[];
  latest:
    | { state: 'shown'; year: number; text: string; unit: string | null; isSynthetic: boolean }
    | { state: 'hidden'; year: number; text: string }
    | { state: 'empty' };
  changeSinceLast: { text: string; sinceYear: number; direction: Direction; movement: 'up' | 'down' | 'flat' } | null;
  changeSinceFirst: { text: string; sinceYear: number } | null;
  target: { text: string; isMet: boolean | null } | null;
  principles: string[];
  /** Newest first, each with its unit; the author is null where no one is named (a public link). */
  annotations: { key: number; years: string; unitName: string; author: string | null; date: string; text: string }[];
  /** Years after the latest figure that not every expected unit has reported yet. */
  incomplete: string[];
  cells: TableCell[];
  sources: SourceNote[];
}

/** Years with the same source, in order: where each figure of the table comes from. */
export function sourceNotes(points: readonly SummaryPoint[]): SourceNote[] {
  const bySource = new Map<string, SourceNote>();
  for (const p of [...points].sort((a, b) => a.year - b.year)) {
    if (p.suppressed || p.value === null || p.source === null) continue;
    const key = `${p.isSynthetic}:${p.source}`;
    const note = bySource.get(key) ?? { years: [], source: p.source, isSynthetic: p.isSynthetic };
    note.years.push(p.year);
    bySource.set(key, note);
  }
  // Real figures first: they are what the synthetic ones are calibrated to.
  return [...bySource.values()].sort((a, b) => Number(a.isSynthetic) - Number(b.isSynthetic));
}

function cell(metric: SummaryMetricResponse, p: SummaryPoint, language: Language, t: TFunction): TableCell {
  if (p.suppressed) {
    return {
      year: p.year,
      text: t('summary.hiddenCell'),
      status: 'hidden',
      note: suppressionText(p.reason, metric.suppressionThreshold, language, t),
      isSynthetic: false,
    };
  }
  if (p.value === null) return { year: p.year, text: t('summary.missingCell'), status: 'missing', note: t('suppression.missing'), isSynthetic: false };
  const text = formatMetricValue(metric, p.value, language);
  if (isIncomplete(p.coverage)) {
    return { year: p.year, text: t('coverage.summaryCell', { value: text }), status: 'incomplete', note: t('coverage.item', { year: p.year, ...p.coverage }), isSynthetic: p.isSynthetic };
  }
  return { year: p.year, text, status: 'shown', note: null, isSynthetic: p.isSynthetic };
}

/** What the summary shows of one metric, in the reader's language. Numbers only from shown figures. */
export function buildSummaryMetricModel(metric: SummaryMetricResponse, language: Language, t: TFunction): SummaryMetricModel {
  const { latest, previous, first } = metric;
  let latestModel: SummaryMetricModel['latest'] = { state: 'empty' };
  if (latest?.suppressed) {
    latestModel = { state: 'hidden', year: latest.year, text: suppressionText(latest.reason, metric.suppressionThreshold, language, t) };
  } else if (latest && latest.value !== null) {
    // A ratio's unit goes under the number, so the number can stay big: `15,9` / `medarbetare per chef`.
    const unit = metric.scale === 'ratio' && metric.unitLabel ? metric.unitLabel[language] : null;
    const isSynthetic = metric.points.find((p) => p.year === latest.year)?.isSynthetic ?? false;
    latestModel = { state: 'shown', year: latest.year, text: formatMetricValue(metric, latest.value, language), unit, isSynthetic };
  }
  // The target the latest year is judged by (the server sends that one).
  const targetText = describeTargetValue(metric, metric.target, language);
  return {
    key: metric.key,
    name: metric.name[language],
    definition: metric.definition[language],
    sentences: metric.sentences[language],
    latest: latestModel,
    changeSinceLast:
      metric.changeSinceLastYear !== null && previous
        ? {
            text: formatChange(metric, metric.changeSinceLastYear, language),
            sinceYear: previous.year,
            direction: metric.direction,
            movement: metric.changeSinceLastYear > 0 ? 'up' : metric.changeSinceLastYear < 0 ? 'down' : 'flat',
          }
        : null,
    changeSinceFirst:
      metric.changeSinceFirst !== null && first ? { text: formatChange(metric, metric.changeSinceFirst, language), sinceYear: first.year } : null,
    target: targetText === null ? null : { text: targetText, isMet: metric.isTargetMet },
    principles: metric.principles.map((p) => p.name[language]),
    annotations: metric.annotations.map((a) => ({
      key: a.id,
      years: formatYears(a.yearFrom, a.yearTo),
      unitName: a.unitName,
      author: a.author?.displayName ?? null,
      date: formatDate(a.createdAt, language),
      text: a.text,
    })),
    incomplete: metric.incomplete.map((y) => t('coverage.item', { ...y })),
    cells: [...metric.points].sort((a, b) => a.year - b.year).map((p) => cell(metric, p, language, t)),
    sources: sourceNotes(metric.points),
  };
}

/** The lines at the top of the page (and of every printout): when, how fresh, which part. */
export function summaryHeaderLines(data: SummaryResponse, language: Language, t: TFunction): { generated: string; freshness: string; scope: string } {
  const isRoot = data.unit.id === data.root.id;
  const freshness =
    data.latestYear === null
      ? t('summary.noData')
      : data.dataUpdatedAt === null
        ? t('summary.freshnessYear', { year: data.latestYear })
        : t('summary.freshness', { year: data.latestYear, date: formatDate(data.dataUpdatedAt, language) });
  return {
    generated: t('summary.generated', { date: formatDate(data.generatedAt, language) }),
    freshness,
    scope: isRoot ? t('summary.scopeAll', { name: data.unit.name }) : t('summary.scopeArea', { name: data.unit.name, root: data.root.name }),
  };
}

export interface UnitChoice {
  id: string;
  label: string;
  isCurrent: boolean;
}

/** The whole organisation first, then its areas. */
export function unitChoices(data: Pick<SummaryResponse, 'unit' | 'root' | 'areas'>, t: TFunction): UnitChoice[] {
  return [
    { id: data.root.id, label: t('summary.wholeOrganisation', { name: data.root.name }), isCurrent: data.unit.id === data.root.id },
    ...data.areas.map((a) => ({ id: a.id, label: a.name, isCurrent: data.unit.id === a.id })),
  ];
}

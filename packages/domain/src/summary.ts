import { directionOf, isTargetMet, type Direction } from './assess.js';
import { formatChange, formatMetricValue, formatNumber } from './format.js';
import { isIncomplete, type Coverage } from './org/coverage.js';
import { roundTo } from './ratio.js';
import type { Language, Metric, SuppressionReason, Target } from './schemas.js';
import { metricPhrase, WORDS } from './summary-phrases.js';
import { targetInYear } from './targets.js';

/** A year's figure as the summary reads it: shown (a value), hidden (a reason) or missing. */
export interface SummaryInputPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** How many units below have reported: an incomplete year is never read as the whole year. */
  coverage?: Coverage | null;
}

/** A year whose figure is not yet the whole year's: so many of the expected units have reported. */
export interface IncompleteYear {
  year: number;
  reported: number;
  expected: number;
}

/** A figure the summary refers to. A hidden one never carries its value. */
export interface SummaryFigure {
  year: number;
  value: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
}

export interface MetricSummaryFacts {
  /** The latest year with a figure, shown or hidden. */
  latest: SummaryFigure | null;
  /** The figure before the latest, shown or hidden. */
  previous: SummaryFigure | null;
  /** The earliest shown figure before the latest one. */
  first: SummaryFigure | null;
  /** The latest shown figure: the same as `latest` unless that one is hidden. */
  lastShown: SummaryFigure | null;
  /** Latest minus previous, between the values as shown; null unless both are shown. */
  changeSinceLastYear: number | null;
  /** Latest minus first, between the values as shown; null unless both are shown. */
  changeSinceFirst: number | null;
  /** The direction since the previous figure, as the metric's good direction sees it. */
  direction: Direction;
  /** The target in force in the latest year (targets have a history). */
  target: Target | null;
  isTargetMet: boolean | null;
  /**
   * Years after the latest figure where not every expected unit has reported yet: they are left
   * out of the latest, previous and first figures, the changes and the verdict, and said so.
   */
  incomplete: IncompleteYear[];
}

export type SummaryMetric = Pick<Metric, 'key' | 'name' | 'scale' | 'decimals' | 'unitLabel' | 'goodDirection' | 'target' | 'targetHistory'>;

/** What else a summary's sentences may speak of. */
export interface SummaryContext {
  /** Years a new definition of the metric took effect: a trend across one says so. */
  definitionChanges?: readonly number[];
}

export type SentenceKind = 'trend' | 'change' | 'hidden' | 'target' | 'incomplete' | 'no_data';

export interface SummarySentence {
  kind: SentenceKind;
  text: string;
}

/**
 * A hidden point's value is dropped here even if one slipped through, so that nothing the
 * summary says can ever carry a suppressed number.
 */
function safe(p: SummaryInputPoint): SummaryFigure {
  return p.suppressed
    ? { year: p.year, value: null, suppressed: true, reason: p.reason }
    : { year: p.year, value: p.value, suppressed: false, reason: null };
}

const isShown = (p: SummaryFigure | null): p is SummaryFigure & { value: number } => p !== null && p.value !== null;

/** The difference between two values as they are shown, so that it adds up for the reader. */
function shownDelta(metric: Pick<Metric, 'decimals'>, from: number, to: number): number {
  const d = metric.decimals;
  return roundTo(roundTo(to, d) - roundTo(from, d), d) || 0;
}

/**
 * The figures a summary speaks of: latest, previous, first, and the changes between them. A year
 * not every expected unit has reported for is none of them: a part is not the whole.
 */
export function summarizePoints(metric: SummaryMetric, points: readonly SummaryInputPoint[]): MetricSummaryFacts {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const figures = sorted
    .filter((p) => (p.suppressed || p.value !== null) && !isIncomplete(p.coverage))
    .map(safe);
  const latest = figures.at(-1) ?? null;
  const incomplete = sorted
    .filter((p) => isIncomplete(p.coverage) && (latest === null || p.year > latest.year))
    .map((p) => ({ year: p.year, reported: p.coverage!.reported, expected: p.coverage!.expected }));
  const previous = figures.at(-2) ?? null;
  const shown = figures.filter(isShown);
  const lastShown = shown.at(-1) ?? null;
  const firstShown = shown[0] ?? null;
  const first = firstShown && latest && firstShown.year < latest.year ? firstShown : null;
  const latestValue = isShown(latest) ? latest.value : null;
  const target = latest === null ? metric.target : targetInYear(metric, latest.year);
  return {
    latest,
    previous,
    first,
    lastShown,
    changeSinceLastYear: latestValue !== null && isShown(previous) ? shownDelta(metric, previous.value, latestValue) : null,
    changeSinceFirst: latestValue !== null && isShown(first) ? shownDelta(metric, first.value, latestValue) : null,
    direction: directionOf(metric.goodDirection, isShown(previous) ? previous.value : null, latestValue, metric.decimals),
    target,
    isTargetMet: isTargetMet(target, latestValue, metric.decimals),
    incomplete,
  };
}

/** A value in running text: `3,42 %`, or `19,8 medarbetare` for a ratio. */
export function sentenceValue(metric: SummaryMetric, value: number, language: Language): string {
  // Nothing is nothing: "från 0 %", not "från 0,0 %".
  const isZero = roundTo(value, metric.decimals) === 0;
  const n = isZero ? formatMetricValue({ scale: metric.scale, decimals: 0 }, 0, language) : formatMetricValue(metric, value, language);
  const word = metricPhrase(metric, language).unitWord;
  return metric.scale === 'ratio' && word ? `${n} ${word}` : n;
}

/** The size of a change without its sign (the verb says which way): `1,31 procentenheter`. */
export function sentenceAmount(metric: SummaryMetric, change: number, language: Language): string {
  let n = formatChange(metric, Math.abs(change), language).replace(/^\+/, '');
  // Exactly one is singular: "1 procentenhet", "1 percentage point".
  if (/^1 /.test(n)) n = n.replace('procentenheter', 'procentenhet').replace('percentage points', 'percentage point');
  const word = metricPhrase(metric, language).unitWord;
  return metric.scale === 'ratio' && word ? `${n} ${word}` : n;
}

/**
 * The target in words: `högst 2,50 %`, `minst 50 %`, `mellan 10,0 och 35,0 medarbetare per chef`.
 * The one in force in `year` when given, else the current one.
 */
export function describeTargetText(metric: SummaryMetric, language: Language, year?: number): string | null {
  return describeTargetValue(metric, year === undefined ? metric.target : targetInYear(metric, year), language);
}

/** A given target in words, in the metric's format. */
export function describeTargetValue(metric: Pick<Metric, 'scale' | 'decimals' | 'unitLabel'>, target: Target | null, language: Language): string | null {
  if (target === null) return null;
  const w = WORDS[language];
  const f = (v: number) => formatMetricValue(metric, v, language);
  const label = metric.scale === 'ratio' && metric.unitLabel ? ` ${metric.unitLabel[language]}` : '';
  if (target.min !== null && target.max !== null) return w.targetRange(f(target.min), f(target.max)) + label;
  if (target.max !== null) return w.targetMax(f(target.max)) + label;
  if (target.min !== null) return w.targetMin(f(target.min)) + label;
  return null;
}

function trendSentence(
  metric: SummaryMetric,
  from: SummaryFigure & { value: number },
  to: SummaryFigure & { value: number },
  language: Language,
  definitionChanges: readonly number[],
): string {
  const w = WORDS[language];
  const { subject } = metricPhrase(metric, language);
  // A trend across a new definition is not like for like: the sentence names the change.
  const crossed = definitionChanges.filter((y) => from.year < y && y <= to.year).sort((a, b) => a - b);
  const caveat = crossed.length > 0 ? ` ${w.definitionChanged(crossed)}` : '';
  const delta = shownDelta(metric, from.value, to.value);
  if (delta === 0) return w.steady(subject, sentenceValue(metric, to.value, language), from.year, to.year) + caveat;
  return w.trend(
    subject,
    delta > 0 ? w.rose : w.fell,
    sentenceValue(metric, from.value, language),
    from.year,
    sentenceValue(metric, to.value, language),
    to.year,
  ) + caveat;
}

function changeSentence(metric: SummaryMetric, facts: MetricSummaryFacts, language: Language): string | null {
  const w = WORDS[language];
  const { latest, previous } = facts;
  if (!isShown(latest) || previous === null) return null;
  if (!isShown(previous)) return w.previousHidden(previous.year);
  const change = facts.changeSinceLastYear ?? 0;
  if (change === 0) return w.unchanged(previous.year);
  const { pronoun } = metricPhrase(metric, language);
  const base = w.change(previous.year, pronoun, change > 0 ? w.rose : w.fell, sentenceAmount(metric, change, language));
  // A neutral metric only says how it moved; judging it is left to the reader and the context.
  const verdict = facts.direction === 'improving' ? w.better : facts.direction === 'worsening' ? w.worse : null;
  return verdict ? `${base}, ${verdict}.` : `${base}.`;
}

/**
 * What a metric's figures say in plain language, for a committee reading the summary: the
 * trend since the first year, the change since the figure before, whether the target is met,
 * and why the latest figure is hidden when it is. Every number comes from a shown figure.
 */
export function summarySentences(
  metric: SummaryMetric,
  points: readonly SummaryInputPoint[],
  language: Language,
  context: SummaryContext = {},
): SummarySentence[] {
  const w = WORDS[language];
  const facts = summarizePoints(metric, points);
  const { latest, first, lastShown } = facts;
  const incomplete: SummarySentence[] = facts.incomplete.map((y) => ({
    kind: 'incomplete',
    text: w.incomplete(y.year, formatNumber(y.reported, 0, language), formatNumber(y.expected, 0, language)),
  }));
  if (latest === null) return [{ kind: 'no_data', text: w.noData }, ...incomplete];

  const out: SummarySentence[] = [];
  if (isShown(lastShown)) {
    const text =
      isShown(first) && first.year < lastShown.year
        ? trendSentence(metric, first, lastShown, language, context.definitionChanges ?? [])
        : w.single(metricPhrase(metric, language).subject, sentenceValue(metric, lastShown.value, language), lastShown.year);
    out.push({ kind: 'trend', text });
  }
  if (latest.suppressed) {
    const because = latest.reason === null ? '' : w.because[latest.reason];
    out.push({ kind: 'hidden', text: w.hidden(latest.year, because) });
  }
  const change = changeSentence(metric, facts, language);
  if (change !== null) out.push({ kind: 'change', text: change });
  const target = describeTargetValue(metric, facts.target, language);
  if (target !== null) {
    const verdict = facts.isTargetMet === true ? w.met : facts.isTargetMet === false ? w.notMet : '.';
    out.push({ kind: 'target', text: `${w.target(target, latest.year)}${verdict}` });
  }
  return [...out, ...incomplete];
}

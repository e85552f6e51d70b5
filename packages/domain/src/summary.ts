import { directionOf, isTargetMet, type Direction } from './assess.js';
import { formatChange, formatMetricValue } from './format.js';
import { roundTo } from './ratio.js';
import type { Language, Metric, SuppressionReason } from './schemas.js';
import { metricPhrase, WORDS } from './summary-phrases.js';

/** A year's figure as the summary reads it: shown (a value), hidden (a reason) or missing. */
export interface SummaryInputPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
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
  isTargetMet: boolean | null;
}

export type SummaryMetric = Pick<Metric, 'key' | 'name' | 'scale' | 'decimals' | 'unitLabel' | 'goodDirection' | 'target'>;

export type SentenceKind = 'trend' | 'change' | 'hidden' | 'target' | 'no_data';

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

/** The figures a summary speaks of: latest, previous, first, and the changes between them. */
export function summarizePoints(metric: SummaryMetric, points: readonly SummaryInputPoint[]): MetricSummaryFacts {
  const figures = points.map(safe).filter((p) => p.suppressed || p.value !== null).sort((a, b) => a.year - b.year);
  const latest = figures.at(-1) ?? null;
  const previous = figures.at(-2) ?? null;
  const shown = figures.filter(isShown);
  const lastShown = shown.at(-1) ?? null;
  const firstShown = shown[0] ?? null;
  const first = firstShown && latest && firstShown.year < latest.year ? firstShown : null;
  const latestValue = isShown(latest) ? latest.value : null;
  return {
    latest,
    previous,
    first,
    lastShown,
    changeSinceLastYear: latestValue !== null && isShown(previous) ? shownDelta(metric, previous.value, latestValue) : null,
    changeSinceFirst: latestValue !== null && isShown(first) ? shownDelta(metric, first.value, latestValue) : null,
    direction: directionOf(metric.goodDirection, isShown(previous) ? previous.value : null, latestValue, metric.decimals),
    isTargetMet: isTargetMet(metric.target, latestValue, metric.decimals),
  };
}

/** A value in running text: `3,42 %`, or `19,8 medarbetare` for a ratio. */
export function sentenceValue(metric: SummaryMetric, value: number, language: Language): string {
  const n = formatMetricValue(metric, value, language);
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

/** The target in words: `högst 2,50 %`, `minst 50 %`, `mellan 10,0 och 35,0 medarbetare per chef`. */
export function describeTargetText(metric: SummaryMetric, language: Language): string | null {
  const { target } = metric;
  if (target === null) return null;
  const w = WORDS[language];
  const f = (v: number) => formatMetricValue(metric, v, language);
  const label = metric.scale === 'ratio' && metric.unitLabel ? ` ${metric.unitLabel[language]}` : '';
  if (target.min !== null && target.max !== null) return w.targetRange(f(target.min), f(target.max)) + label;
  if (target.max !== null) return w.targetMax(f(target.max)) + label;
  if (target.min !== null) return w.targetMin(f(target.min)) + label;
  return null;
}

function trendSentence(metric: SummaryMetric, from: SummaryFigure & { value: number }, to: SummaryFigure & { value: number }, language: Language): string {
  const w = WORDS[language];
  const { subject } = metricPhrase(metric, language);
  const delta = shownDelta(metric, from.value, to.value);
  if (delta === 0) return w.steady(subject, sentenceValue(metric, to.value, language), from.year, to.year);
  return w.trend(
    subject,
    delta > 0 ? w.rose : w.fell,
    sentenceValue(metric, from.value, language),
    from.year,
    sentenceValue(metric, to.value, language),
    to.year,
  );
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
): SummarySentence[] {
  const w = WORDS[language];
  const facts = summarizePoints(metric, points);
  const { latest, first, lastShown } = facts;
  if (latest === null) return [{ kind: 'no_data', text: w.noData }];

  const out: SummarySentence[] = [];
  if (isShown(lastShown)) {
    const text =
      isShown(first) && first.year < lastShown.year
        ? trendSentence(metric, first, lastShown, language)
        : w.single(metricPhrase(metric, language).subject, sentenceValue(metric, lastShown.value, language), lastShown.year);
    out.push({ kind: 'trend', text });
  }
  if (latest.suppressed) {
    const because = latest.reason === null ? '' : w.because[latest.reason];
    out.push({ kind: 'hidden', text: w.hidden(latest.year, because) });
  }
  const change = changeSentence(metric, facts, language);
  if (change !== null) out.push({ kind: 'change', text: change });
  const target = describeTargetText(metric, language);
  if (target !== null) {
    const verdict = facts.isTargetMet === true ? w.met : facts.isTargetMet === false ? w.notMet : '.';
    out.push({ kind: 'target', text: `${w.target(target)}${verdict}` });
  }
  return out;
}

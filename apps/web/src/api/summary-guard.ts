import type { GoodDirection, MetricScale, SummaryMetricResponse, SummaryResponse, SuppressionReason, TranslatedField } from '@tillit/domain';
import { isArrayOf, isInteger, isKeyOf, isNullableString, isRecord, isString, UNIT_KINDS } from './guards';

/**
 * The politicians' summary checked by hand, like the answers in guards.ts: the summary and the
 * public link are their own small entry (src/summary-entry/), and zod would be a fifth of what
 * they load (docs/benchmarks.md). It says yes exactly where `summaryResponseSchema` does
 * (summary-guard.test.ts checks real answers and broken ones against it).
 */
const SCALES: Record<MetricScale, true> = { percent: true, ratio: true };
const DIRECTIONS: Record<GoodDirection, true> = { lower: true, higher: true, neutral: true };
const REASONS: Record<SuppressionReason, true> = { small_group: true, secondary: true, unknown_group_size: true };
const TRENDS: Record<SummaryMetricResponse['direction'], true> = { improving: true, worsening: true, steady: true, changing: true, no_data: true };
const FIELDS: Record<TranslatedField, true> = { name: true, definition: true, numerator: true, denominator: true, unitLabel: true, prompt: true };

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNullable = <T>(v: unknown, isT: (x: unknown) => x is T): v is T | null => v === null || isT(v);
const isText = (v: unknown): v is string => isString(v) && v.trim().length >= 1 && v.trim().length <= 4000;
const isLocalized = (v: unknown) => isRecord(v) && isText(v.sv) && isText(v.en);
const isUnitRef = (v: unknown) => isRecord(v) && isString(v.id) && isString(v.name) && isKeyOf(UNIT_KINDS, v.kind) && isNullableString(v.parentId);

const isFigure = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && isInteger(v.year) && isNullable(v.value, isNumber) && isBoolean(v.suppressed) && isNullable(v.reason, (r) => isKeyOf(REASONS, r));

const isCoverage = (v: unknown) => isRecord(v) && isInteger(v.reported) && v.reported >= 0 && isInteger(v.expected) && v.expected >= 0 && isBoolean(v.isFinal);

const isPoint = (v: unknown) => isFigure(v) && isNullableString(v.source) && isBoolean(v.isSynthetic) && isCoverage(v.coverage);

const isTarget = (v: unknown) =>
  isRecord(v) &&
  isNullable(v.min, isFinite) &&
  isNullable(v.max, isFinite) &&
  (v.min !== null || v.max !== null) &&
  (v.min === null || v.max === null || v.min <= v.max);

const isNote = (v: unknown) =>
  isRecord(v) &&
  isInteger(v.id) &&
  isString(v.unitId) &&
  isString(v.metricKey) &&
  isInteger(v.yearFrom) &&
  isInteger(v.yearTo) &&
  isString(v.text) &&
  isNullable(v.author, (a): a is object => isRecord(a) && isString(a.displayName)) &&
  isString(v.createdAt) &&
  isString(v.updatedAt) &&
  isString(v.unitName);

const isIncompleteYear = (v: unknown) => isRecord(v) && isInteger(v.year) && isInteger(v.reported) && isInteger(v.expected);

const isMetric = (v: unknown) =>
  isRecord(v) &&
  isString(v.key) &&
  isLocalized(v.name) &&
  isLocalized(v.definition) &&
  (v.englishOutdated === undefined || isArrayOf(v.englishOutdated, (f): f is TranslatedField => isKeyOf(FIELDS, f))) &&
  isKeyOf(SCALES, v.scale) &&
  isInteger(v.decimals) &&
  isNullable(v.unitLabel, (l): l is object => isLocalized(l)) &&
  isKeyOf(DIRECTIONS, v.goodDirection) &&
  isNullable(v.suppressionThreshold, isInteger) &&
  isNullable(v.latest, isFigure) &&
  isNullable(v.previous, isFigure) &&
  isNullable(v.first, isFigure) &&
  isNullable(v.changeSinceLastYear, isNumber) &&
  isNullable(v.changeSinceFirst, isNumber) &&
  isNullable(v.target, (t): t is object => isTarget(t)) &&
  isNullable(v.isTargetMet, isBoolean) &&
  isKeyOf(TRENDS, v.direction) &&
  isArrayOf(v.incomplete, (y): y is object => isIncompleteYear(y)) &&
  isRecord(v.sentences) &&
  isArrayOf(v.sentences.sv, isString) &&
  isArrayOf(v.sentences.en, isString) &&
  isArrayOf(v.principles, (p): p is object => isRecord(p) && isString(p.key) && isLocalized(p.name)) &&
  isArrayOf(v.annotations, (a): a is object => isNote(a)) &&
  isNullable(v.analysis, (a): a is object => isRecord(a) && isString(a.text) && isInteger(a.year) && isString(a.publishedAt)) &&
  isArrayOf(v.points, (p): p is object => isPoint(p));

export const isSummaryResponse = (value: unknown): value is SummaryResponse =>
  isRecord(value) &&
  isUnitRef(value.unit) &&
  isUnitRef(value.root) &&
  isArrayOf(value.areas, (a): a is object => isUnitRef(a)) &&
  isString(value.generatedAt) &&
  isNullable(value.latestYear, isInteger) &&
  isNullableString(value.dataUpdatedAt) &&
  isBoolean(value.isDemo) &&
  isArrayOf(value.metrics, (m): m is object => isMetric(m));

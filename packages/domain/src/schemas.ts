import { z } from 'zod/mini';
import { LOCALES } from './locales.js';

/** A text the product shows in both of its languages: Swedish first, English second. */
export const localizedTextSchema = z.object({
  sv: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
  en: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const languageSchema = z.enum(LOCALES);
export type Language = z.infer<typeof languageSchema>;

export const unitIdSchema = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'Enhetens id får bara innehålla a–z, 0–9, - och _'),
);

export const isoDateSchema = z.iso.date();

export const unitKindSchema = z.enum(['organisation', 'department', 'area', 'unit']);
export type UnitKind = z.infer<typeof unitKindSchema>;

/**
 * One node of the organisation tree. Units are never deleted: a closed unit keeps its history
 * and gets a `validTo`, so a trend can be told across reorganisations.
 */
export const unitSchema = z.object({
    id: unitIdSchema,
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    kind: unitKindSchema,
    parentId: z.nullable(unitIdSchema),
    validFrom: z.nullable(isoDateSchema),
    validTo: z.nullable(isoDateSchema),
  }).check(z.refine((u) => u.parentId !== u.id, { message: 'En enhet kan inte vara sin egen överordnade', path: ['parentId'] }), z.refine((u) => !u.validFrom || !u.validTo || u.validFrom <= u.validTo, {
    message: 'Giltig från måste vara före giltig till',
    path: ['validTo'],
  }));
export type Unit = z.infer<typeof unitSchema>;

export const metricKeySchema = z.string().check(
  z.trim(),
  z.minLength(2),
  z.maxLength(64),
  z.regex(/^[a-z][a-z0-9_]*$/, 'Nyckeltalets nyckel får bara innehålla a–z, 0–9 och _'),
);

export const principleKeySchema = z.string().check(z.trim(), z.minLength(2), z.maxLength(64), z.regex(/^[a-z][a-z0-9_]*$/));

/** How a value is read: a percentage (100 × n / d) or a plain ratio (n / d). */
export const metricScaleSchema = z.enum(['percent', 'ratio']);
export type MetricScale = z.infer<typeof metricScaleSchema>;

/** What numerator and denominator count. Persons make a group size; hours do not. */
export const quantityKindSchema = z.enum(['persons', 'hours', 'count']);
export type QuantityKind = z.infer<typeof quantityKindSchema>;

export const goodDirectionSchema = z.enum(['lower', 'higher', 'neutral']);
export type GoodDirection = z.infer<typeof goodDirectionSchema>;

export const sensitivitySchema = z.enum(['none', 'personal', 'health']);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

/** A target in the metric's own unit (percent for percentages). Either bound may be open. */
export const targetSchema = z.object({
    min: z.nullable(z.number()),
    max: z.nullable(z.number()),
  }).check(z.refine((t) => t.min !== null || t.max !== null, { message: 'Ett mål behöver minst en gräns' }), z.refine((t) => t.min === null || t.max === null || t.min <= t.max, {
    message: 'Målets undre gräns måste vara lägre än den övre',
  }));
export type Target = z.infer<typeof targetSchema>;

/**
 * A target as it applies from a year on, until the next one: committees decide targets per year,
 * so a past year keeps the verdict of the target in force then. `target: null` is "no target
 * from this year".
 */
export const targetPeriodSchema = z.object({
  validFrom: z.int().check(z.gte(1990), z.lte(2100)),
  target: z.nullable(targetSchema),
});
export type TargetPeriod = z.infer<typeof targetPeriodSchema>;

export const metricSchema = z.object({
  key: metricKeySchema,
  name: localizedTextSchema,
  definition: localizedTextSchema,
  numerator: localizedTextSchema,
  denominator: localizedTextSchema,
  numeratorKind: quantityKindSchema,
  denominatorKind: quantityKindSchema,
  scale: metricScaleSchema,
  /**
   * Whether the numerator is a part of the denominator, so the value cannot exceed 100 % (a share,
   * like sick leave or tenure). False for rates such as turnover, where two leavers of one
   * average manager position make 200 %.
   */
  bounded: z.boolean(),
  /** Shown after a ratio value, e.g. "medarbetare per chef". Percentages show "%". */
  unitLabel: z.nullable(localizedTextSchema),
  decimals: z.int().check(z.gte(0), z.lte(3)),
  goodDirection: goodDirectionSchema,
  /** The target in force now: the newest of `targetHistory`. */
  target: z.nullable(targetSchema),
  /**
   * Every target the metric has had, oldest first (the server always fills it in). Each year is
   * judged by the one in force that year (see `targetInYear`). Empty or missing: `target`
   * applies to every year.
   */
  targetHistory: z.optional(z.array(targetPeriodSchema)),
  sensitivity: sensitivitySchema,
  /** A group of this many persons or fewer is not shown. Null: the metric is not about persons. */
  suppressionThreshold: z.nullable(z.int().check(z.gte(1), z.lte(1000))),
  principles: z.array(principleKeySchema),
  prompt: localizedTextSchema,
  /** Where the definition comes from, e.g. SKR's definition or Kolada's key figure. */
  definitionSource: z.nullable(z.string().check(z.trim(), z.maxLength(500))),
  sortOrder: z.int(),
});
export type Metric = z.infer<typeof metricSchema>;

export const principleSchema = z.object({
  key: principleKeySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  sortOrder: z.int(),
});
export type Principle = z.infer<typeof principleSchema>;

export const yearSchema = z.int().check(z.gte(1990), z.lte(2100));

/** Numbers with at most two decimals (hours may carry hundredths), never negative. */
export const quantitySchema = z.number().check(
  z.gte(0, 'Får inte vara negativt'),
  z.lte(1e12),
  z.refine((n) => Number(n.toFixed(2)) === n, 'Högst två decimaler'),
);

/**
 * One reported figure: a unit's numerator and denominator for a metric and year. `groupSize`
 * is the number of persons the figure is about; when it is missing and the denominator counts
 * persons, the denominator is the group size.
 */
export const valueSchema = z.object({
    unitId: unitIdSchema,
    metricKey: metricKeySchema,
    year: yearSchema,
    numerator: quantitySchema,
    denominator: quantitySchema.check(z.refine((d) => d > 0, 'Nämnaren måste vara större än noll')),
    groupSize: z.nullable(z.int().check(z.gte(0), z.lte(10_000_000))),
    source: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  });
export type Value = z.infer<typeof valueSchema>;
/**
 * One figure without the name of its source: the row every writer of figures starts from (a
 * file's valid row, the database's insert, the demo's generated data), each adding how it names
 * the source.
 */
export type ValueRow = Omit<Value, 'source'>;

export const suppressionReasonSchema = z.enum(['small_group', 'secondary', 'unknown_group_size']);
export type SuppressionReason = z.infer<typeof suppressionReasonSchema>;

import {
  type GoodDirection,
  type Metric,
  type MetricPatch,
  metricPatchSchema,
  type MetricScale,
  metricSchema,
  type QuantityKind,
  type Sensitivity,
  type TranslatedField,
} from '@tillit/domain';
import { issuesByField, type SchemaResult } from '../../api/schema-issues';

/** What a form field did wrong, as a key under `catalogue.errors`. */
export interface FieldError {
  field: string;
  error: 'number' | 'integer' | 'decimals' | 'threshold' | 'targetOrder' | 'required' | 'tooLong' | 'year' | 'targetYear' | 'note' | 'key';
  /** The most characters a text may have (with `tooLong`). */
  max?: number;
}

/** The edit form of one metric: text inputs hold strings, so Swedish decimal commas work. */
export interface MetricForm {
  /** A share (at most 100 %) or a rate. */
  bounded: boolean;
  targetMin: string;
  targetMax: string;
  /** The first year a changed target applies to; the years before keep theirs. */
  targetFrom: string;
  goodDirection: GoodDirection;
  decimals: string;
  suppressionThreshold: string;
  promptSv: string;
  promptEn: string;
  definitionSv: string;
  definitionEn: string;
  numeratorSv: string;
  numeratorEn: string;
  denominatorSv: string;
  denominatorEn: string;
  principles: string[];
  fromYear: string;
  note: string;
  /** English texts marked as needing an update that the editor says are still right. */
  englishConfirmed: TranslatedField[];
}

const numberText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n).replace('.', ','));

export function metricToForm(m: Metric): MetricForm {
  return {
    bounded: m.bounded,
    targetMin: numberText(m.target?.min),
    targetMax: numberText(m.target?.max),
    targetFrom: '',
    goodDirection: m.goodDirection,
    decimals: String(m.decimals),
    suppressionThreshold: numberText(m.suppressionThreshold),
    promptSv: m.prompt.sv,
    promptEn: m.prompt.en,
    definitionSv: m.definition.sv,
    definitionEn: m.definition.en,
    numeratorSv: m.numerator.sv,
    numeratorEn: m.numerator.en,
    denominatorSv: m.denominator.sv,
    denominatorEn: m.denominator.en,
    principles: [...m.principles],
    fromYear: '',
    note: '',
    englishConfirmed: [],
  };
}

/** A number typed the Swedish way (`2,5`) or the English way (`2.5`); empty is null. */
export function parseNumber(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}

/** Whether the form changes the texts that make up the definition (then a new version is needed). */
export function isDefinitionChanged(m: Metric, f: MetricForm): boolean {
  return (
    f.definitionSv.trim() !== m.definition.sv ||
    f.definitionEn.trim() !== m.definition.en ||
    f.numeratorSv.trim() !== m.numerator.sv ||
    f.numeratorEn.trim() !== m.numerator.en ||
    f.denominatorSv.trim() !== m.denominator.sv ||
    f.denominatorEn.trim() !== m.denominator.en
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The target the form holds: null when both bounds are empty. */
function formTarget(f: Pick<MetricForm, 'targetMin' | 'targetMax'>): Metric['target'] | 'invalid' {
  const min = parseNumber(f.targetMin);
  const max = parseNumber(f.targetMax);
  if (min === 'invalid' || max === 'invalid') return 'invalid';
  return min === null && max === null ? null : { min, max };
}

/** Whether the form sets a different target (then the year it applies from is needed). */
export function isTargetChanged(m: Metric, f: MetricForm): boolean {
  const target = formTarget(f);
  return target !== 'invalid' && JSON.stringify(target) !== JSON.stringify(m.target);
}

/** The earliest year a new target may apply from: the newest target's year (it can be corrected), or any. */
export function earliestTargetYear(m: Metric): number {
  return Math.max(1990, ...(m.targetHistory ?? []).map((p) => p.validFrom));
}

/**
 * The metric's targets as spans of years, oldest first: `from: null` is "from the start" (the
 * target a metric had before targets had years), `to: null` is "from then on".
 */
export function targetPeriods(m: Pick<Metric, 'target' | 'targetHistory'>): { from: number | null; to: number | null; target: Metric['target'] }[] {
  const history = [...(m.targetHistory ?? [])].sort((a, b) => a.validFrom - b.validFrom);
  return history.map((p, i) => ({
    from: i === 0 && p.validFrom <= 1990 ? null : p.validFrom,
    to: history[i + 1] ? history[i + 1]!.validFrom - 1 : null,
    target: p.target,
  }));
}

/** A form field and the words (under `catalogue.errors`) for what is wrong with it. */
const TEXT_FIELDS = ['prompt', 'name', 'definition', 'numerator', 'denominator'] as const;
const REQUIRED_TEXTS: Record<string, FieldError> = Object.fromEntries(
  TEXT_FIELDS.flatMap((name) => [
    [`${name}.sv`, { field: `${name}Sv`, error: 'required' }],
    [`${name}.en`, { field: `${name}En`, error: 'required' }],
  ]),
);

/**
 * Where an issue of the domain's schema (by its path) shows in the forms: the rules are the
 * schema's (`metricPatchSchema`, `metricSchema`, the ones the API checks with), the words the form's.
 */
const FIELD_OF_PATH: Record<string, FieldError> = {
  ...REQUIRED_TEXTS,
  key: { field: 'key', error: 'key' },
  decimals: { field: 'decimals', error: 'decimals' },
  suppressionThreshold: { field: 'suppressionThreshold', error: 'threshold' },
  // The target's own rule (the lower bound below the upper) names the target as a whole.
  target: { field: 'targetMin', error: 'targetOrder' },
  targetFrom: { field: 'targetFrom', error: 'targetYear' },
  'definitionChange.fromYear': { field: 'fromYear', error: 'year' },
  'definitionChange.note': { field: 'note', error: 'note' },
};

/** The issues of a body checked with the domain's schema, one per form field, in the form's words. */
function schemaErrors(result: SchemaResult): FieldError[] {
  const fieldOf = Object.fromEntries(Object.entries(FIELD_OF_PATH).map(([path, e]) => [path, e.field]));
  const { fields } = issuesByField(result, fieldOf);
  const errorOf = new Map(Object.values(FIELD_OF_PATH).map((e) => [e.field, e]));
  return Object.entries(fields).flatMap(([field, issue]) => {
    if (issue?.code === 'too_big' && issue.origin === 'string') return [{ field, error: 'tooLong' as const, max: Number(issue.maximum) }];
    return errorOf.get(field) ?? [];
  });
}

/** A year or a count typed in a field: empty is not a number (the schema then says what it needs). */
const wholeNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The PATCH body for the fields the form changed, or what is wrong with the form (by `metricPatchSchema`). */
export function buildMetricPatch(m: Metric, f: MetricForm): { patch: MetricPatch; errors: FieldError[] } {
  // Reading the typed text is the form's part; what a valid value is, the domain's schema says.
  const errors: FieldError[] = [];
  const min = parseNumber(f.targetMin);
  const max = parseNumber(f.targetMax);
  if (min === 'invalid') errors.push({ field: 'targetMin', error: 'number' });
  if (max === 'invalid') errors.push({ field: 'targetMax', error: 'number' });
  const threshold = parseNumber(f.suppressionThreshold);
  const texts = {
    prompt: { sv: f.promptSv.trim(), en: f.promptEn.trim() },
    definition: { sv: f.definitionSv.trim(), en: f.definitionEn.trim() },
    numerator: { sv: f.numeratorSv.trim(), en: f.numeratorEn.trim() },
    denominator: { sv: f.denominatorSv.trim(), en: f.denominatorEn.trim() },
  };

  const patch: MetricPatch = {};
  if (isTargetChanged(m, f)) {
    patch.target = min === null && max === null ? null : { min: typeof min === 'number' ? min : null, max: typeof max === 'number' ? max : null };
    patch.targetFrom = wholeNumber(f.targetFrom);
  }
  if (f.goodDirection !== m.goodDirection) patch.goodDirection = f.goodDirection;
  if (f.bounded !== m.bounded) patch.bounded = f.bounded;
  const decimals = Number(f.decimals);
  if (decimals !== m.decimals) patch.decimals = decimals;
  const thresholdValue = threshold === 'invalid' ? Number.NaN : threshold;
  if (thresholdValue !== m.suppressionThreshold) patch.suppressionThreshold = thresholdValue;
  if (!same(texts.prompt, m.prompt)) patch.prompt = texts.prompt;
  if (!same([...f.principles].sort(), [...m.principles].sort())) patch.principles = [...f.principles];
  if (isDefinitionChanged(m, f)) {
    patch.definition = texts.definition;
    patch.numerator = texts.numerator;
    patch.denominator = texts.denominator;
    patch.definitionChange = { fromYear: wholeNumber(f.fromYear), note: f.note.trim() };
  }
  if (f.englishConfirmed.length > 0) patch.englishConfirmed = [...f.englishConfirmed];

  errors.push(...schemaErrors(metricPatchSchema.safeParse(patch)));
  // The one rule that depends on the metric's history (the API says the same): a new target
  // applies from the newest target's year on, not before.
  if (patch.targetFrom !== undefined && patch.targetFrom < earliestTargetYear(m) && !errors.some((e) => e.field === 'targetFrom')) {
    errors.push({ field: 'targetFrom', error: 'targetYear' });
  }
  return errors.length > 0 ? { patch: {}, errors } : { patch, errors };
}

/** The form to add a metric. */
export interface NewMetricForm {
  key: string;
  nameSv: string;
  nameEn: string;
  definitionSv: string;
  definitionEn: string;
  numeratorSv: string;
  numeratorEn: string;
  denominatorSv: string;
  denominatorEn: string;
  scale: MetricScale;
  /** A share (at most 100 %) or a rate. */
  bounded: boolean;
  quantityKind: QuantityKind;
  sensitivity: Sensitivity;
  goodDirection: GoodDirection;
  decimals: string;
  suppressionThreshold: string;
}

export const EMPTY_NEW_METRIC: NewMetricForm = {
  key: '',
  nameSv: '',
  nameEn: '',
  definitionSv: '',
  definitionEn: '',
  numeratorSv: '',
  numeratorEn: '',
  denominatorSv: '',
  denominatorEn: '',
  scale: 'percent',
  bounded: true,
  quantityKind: 'persons',
  sensitivity: 'personal',
  goodDirection: 'lower',
  decimals: '1',
  suppressionThreshold: '10',
};

const DEFAULT_PROMPT = {
  sv: 'Vilka data behöver du för att veta om vi gör ett bra jobb, och hur vi kan bli bättre?',
  en: 'Which data do you need to know whether we do a good job, and how we can improve?',
};

/** A whole metric from the add form, checked with the domain's `metricSchema` (the server checks again and has the last word). */
export function buildNewMetric(f: NewMetricForm, sortOrder: number): { metric: Metric | null; errors: FieldError[] } {
  const threshold = parseNumber(f.suppressionThreshold);
  const text = (p: 'name' | 'definition' | 'numerator' | 'denominator') => ({ sv: f[`${p}Sv`].trim(), en: f[`${p}En`].trim() });
  const metric: Metric = {
    key: f.key.trim(),
    name: text('name'),
    definition: text('definition'),
    numerator: text('numerator'),
    denominator: text('denominator'),
    numeratorKind: f.quantityKind,
    denominatorKind: f.quantityKind,
    scale: f.scale,
    bounded: f.bounded,
    unitLabel: null,
    decimals: Number(f.decimals),
    goodDirection: f.goodDirection,
    target: null,
    sensitivity: f.sensitivity,
    suppressionThreshold: threshold === 'invalid' ? Number.NaN : threshold,
    principles: [],
    prompt: DEFAULT_PROMPT,
    definitionSource: null,
    sortOrder,
  };
  const errors = schemaErrors(metricSchema.safeParse(metric));
  return { metric: errors.length > 0 ? null : metric, errors };
}

import type {
  Direction,
  GoodDirection,
  Metric,
  MetricDefinitionVersion,
  MetricPatch,
  MetricScale,
  QuantityKind,
  Sensitivity,
  TranslatedField,
} from '@tillit/domain';
import type { IconName } from '../../components/ui/Icon';

/** What a form field did wrong, as a key under `catalogue.errors`. */
export interface FieldError {
  field: string;
  error: 'number' | 'integer' | 'decimals' | 'threshold' | 'targetOrder' | 'required' | 'year' | 'targetYear' | 'note' | 'key';
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

/** The PATCH body for the fields the form changed, or what is wrong with the form. */
export function buildMetricPatch(m: Metric, f: MetricForm): { patch: MetricPatch; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const min = parseNumber(f.targetMin);
  const max = parseNumber(f.targetMax);
  if (min === 'invalid') errors.push({ field: 'targetMin', error: 'number' });
  if (max === 'invalid') errors.push({ field: 'targetMax', error: 'number' });
  const decimals = Number(f.decimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 3) errors.push({ field: 'decimals', error: 'decimals' });
  const threshold = parseNumber(f.suppressionThreshold);
  if (threshold === 'invalid' || (threshold !== null && (!Number.isInteger(threshold) || threshold < 1 || threshold > 1000))) {
    errors.push({ field: 'suppressionThreshold', error: 'threshold' });
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.push({ field: 'targetMin', error: 'targetOrder' });

  const texts = {
    prompt: { sv: f.promptSv.trim(), en: f.promptEn.trim() },
    definition: { sv: f.definitionSv.trim(), en: f.definitionEn.trim() },
    numerator: { sv: f.numeratorSv.trim(), en: f.numeratorEn.trim() },
    denominator: { sv: f.denominatorSv.trim(), en: f.denominatorEn.trim() },
  };
  for (const [name, t] of Object.entries(texts)) {
    if (t.sv === '') errors.push({ field: `${name}Sv`, error: 'required' });
    if (t.en === '') errors.push({ field: `${name}En`, error: 'required' });
  }

  const targetChanged = isTargetChanged(m, f);
  let targetFrom: number | null = null;
  if (targetChanged) {
    targetFrom = Number(f.targetFrom.trim());
    if (f.targetFrom.trim() === '' || !Number.isInteger(targetFrom) || targetFrom < earliestTargetYear(m) || targetFrom > 2100) {
      errors.push({ field: 'targetFrom', error: 'targetYear' });
    }
  }
  const definitionChanged = isDefinitionChanged(m, f);
  let fromYear: number | null = null;
  if (definitionChanged) {
    fromYear = Number(f.fromYear.trim());
    if (!Number.isInteger(fromYear) || fromYear < 1990 || fromYear > 2100) errors.push({ field: 'fromYear', error: 'year' });
    if (f.note.trim() === '') errors.push({ field: 'note', error: 'note' });
  }
  if (errors.length > 0) return { patch: {}, errors };

  const patch: MetricPatch = {};
  const target =
    (min === null || min === 'invalid') && (max === null || max === 'invalid')
      ? null
      : { min: typeof min === 'number' ? min : null, max: typeof max === 'number' ? max : null };
  if (targetChanged && targetFrom !== null) {
    patch.target = target;
    patch.targetFrom = targetFrom;
  }
  if (f.goodDirection !== m.goodDirection) patch.goodDirection = f.goodDirection;
  if (f.bounded !== m.bounded) patch.bounded = f.bounded;
  if (decimals !== m.decimals) patch.decimals = decimals;
  const thresholdValue = typeof threshold === 'number' ? threshold : null;
  if (thresholdValue !== m.suppressionThreshold) patch.suppressionThreshold = thresholdValue;
  if (!same(texts.prompt, m.prompt)) patch.prompt = texts.prompt;
  if (!same([...f.principles].sort(), [...m.principles].sort())) patch.principles = [...f.principles];
  if (definitionChanged && fromYear !== null) {
    patch.definition = texts.definition;
    patch.numerator = texts.numerator;
    patch.denominator = texts.denominator;
    patch.definitionChange = { fromYear, note: f.note.trim() };
  }
  if (f.englishConfirmed.length > 0) patch.englishConfirmed = [...f.englishConfirmed];
  return { patch, errors };
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

/** A whole metric from the add form (the server validates again and has the last word). */
export function buildNewMetric(f: NewMetricForm, sortOrder: number): { metric: Metric | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const key = f.key.trim();
  if (!/^[a-z][a-z0-9_]{1,63}$/.test(key)) errors.push({ field: 'key', error: 'key' });
  const pairs = ['name', 'definition', 'numerator', 'denominator'] as const;
  for (const p of pairs) {
    if (f[`${p}Sv`].trim() === '') errors.push({ field: `${p}Sv`, error: 'required' });
    if (f[`${p}En`].trim() === '') errors.push({ field: `${p}En`, error: 'required' });
  }
  const decimals = Number(f.decimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 3) errors.push({ field: 'decimals', error: 'decimals' });
  const threshold = parseNumber(f.suppressionThreshold);
  if (threshold === 'invalid' || (threshold !== null && (!Number.isInteger(threshold) || threshold < 1 || threshold > 1000))) {
    errors.push({ field: 'suppressionThreshold', error: 'threshold' });
  }
  if (errors.length > 0) return { metric: null, errors };
  const text = (p: (typeof pairs)[number]) => ({ sv: f[`${p}Sv`].trim(), en: f[`${p}En`].trim() });
  return {
    metric: {
      key,
      name: text('name'),
      definition: text('definition'),
      numerator: text('numerator'),
      denominator: text('denominator'),
      numeratorKind: f.quantityKind,
      denominatorKind: f.quantityKind,
      scale: f.scale,
      bounded: f.bounded,
      unitLabel: null,
      decimals,
      goodDirection: f.goodDirection,
      target: null,
      sensitivity: f.sensitivity,
      suppressionThreshold: typeof threshold === 'number' ? threshold : null,
      principles: [],
      prompt: DEFAULT_PROMPT,
      definitionSource: null,
      sortOrder,
    },
    errors,
  };
}

/** Where new definitions start on a trend: version 1 is the original, so it marks nothing. */
export function definitionMarks(versions: readonly MetricDefinitionVersion[]): { year: number; note: string | null }[] {
  return versions
    .filter((v) => v.version > 1)
    .map((v) => ({ year: v.validFromYear, note: v.note }))
    .sort((a, b) => a.year - b.year);
}

/** An arrow for the way the figure moved (the word says whether that is good): never colour alone. */
export function directionIcon(direction: Direction, good: GoodDirection): IconName {
  if (direction === 'steady') return 'flat';
  if (direction === 'no_data') return 'question';
  if (direction === 'changing') return 'arrowRight';
  const wentDown = (direction === 'improving') === (good === 'lower');
  return wentDown ? 'down' : 'up';
}

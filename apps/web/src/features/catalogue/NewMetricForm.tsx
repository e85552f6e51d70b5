import {
  LOCALES,
  metricResponseSchema,
  type GoodDirection,
  type MetricScale,
  type QuantityKind,
  type Sensitivity,
} from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { BoundedField } from './BoundedField';
import { buildNewMetric, EMPTY_NEW_METRIC, type FieldError, type NewMetricForm as Form } from './catalogue-model';
import { FormErrors, TextField, useFieldErrors, WriteError } from './FormParts';
import { useCatalogueWrite } from './useCatalogueWrite';

const SCALES: readonly MetricScale[] = ['percent', 'ratio'];
const KINDS: readonly QuantityKind[] = ['persons', 'hours', 'count'];
const SENSITIVITIES: readonly Sensitivity[] = ['none', 'personal', 'health'];
const DIRECTIONS: readonly GoodDirection[] = ['lower', 'higher', 'neutral'];

/** Adds a metric, e.g. one asked for through "Vilka data behöver du?". */
export function NewMetricForm({ nextSortOrder }: { nextSortOrder: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [form, setForm] = useState<Form>(EMPTY_NEW_METRIC);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const write = useCatalogueWrite('POST', metricResponseSchema);
  const errorOf = useFieldErrors(errors);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { metric, errors: found } = buildNewMetric(form, nextSortOrder);
    setErrors(found);
    if (!metric) return;
    try {
      const saved = await write.mutateAsync({ path: '/api/metrics', body: metric });
      setCreated(saved.name[language]);
      setForm(EMPTY_NEW_METRIC);
    } catch {
      // Shown from the mutation's state.
    }
  };

  const pair = (field: 'name' | 'definition' | 'numerator' | 'denominator', isMultiline = false) => (
    <div className="catalogue-pair">
      {LOCALES.map((lang) => {
        const key = `${field}${lang === 'sv' ? 'Sv' : 'En'}` as const;
        return (
          <TextField
            key={key}
            id={`${id}-${key}`}
            label={t(`catalogue.${field}`, { lang: t(`catalogue.${lang}`) })}
            value={form[key]}
            onChange={(v) => set(key, v)}
            error={errorOf(key)}
            isMultiline={isMultiline}
            width="wide"
          />
        );
      })}
    </div>
  );

  const select = <K extends 'scale' | 'quantityKind' | 'sensitivity' | 'goodDirection'>(
    key: K,
    label: string,
    options: readonly Form[K][],
    optionLabel: (o: Form[K]) => string,
  ) => (
    <div className="field catalogue-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={form[key]} onChange={(e) => set(key, e.target.value as Form[K])}>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="catalogue-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('catalogue.add.heading')}</h2>
      <p>{t('catalogue.add.intro')}</p>
      <TextField id={`${id}-key`} label={t('catalogue.add.key')} value={form.key} onChange={(v) => set('key', v)} error={errorOf('key')} width="wide" />
      {pair('name')}
      {pair('definition', true)}
      {pair('numerator')}
      {pair('denominator')}
      <div className="catalogue-row">
        {select('scale', t('catalogue.add.scale'), SCALES, (o) => t(`catalogue.add.scales.${o}`))}
        {select('quantityKind', t('catalogue.add.quantityKind'), KINDS, (o) => t(`catalogue.add.kinds.${o}`))}
        {select('sensitivity', t('catalogue.add.sensitivity'), SENSITIVITIES, (o) => t(`catalogue.add.sensitivities.${o}`))}
        {select('goodDirection', t('catalogue.goodDirection'), DIRECTIONS, (o) => t(`catalogue.direction.${o}`))}
        <TextField id={`${id}-decimals`} label={t('catalogue.decimals')} value={form.decimals} onChange={(v) => set('decimals', v)} error={errorOf('decimals')} inputMode="numeric" />
      </div>
      <BoundedField isBounded={form.bounded} onChange={(v) => set('bounded', v)} />
      <TextField
        id={`${id}-threshold`}
        label={t('catalogue.threshold')}
        hint={t('catalogue.thresholdHint')}
        value={form.suppressionThreshold}
        onChange={(v) => set('suppressionThreshold', v)}
        error={errorOf('suppressionThreshold')}
        inputMode="numeric"
      />
      <FormErrors errors={errors} />
      <WriteError error={write.error} />
      <div className="catalogue-actions">
        <button type="submit" className="button" disabled={write.isPending}>
          {t('catalogue.add.submit')}
        </button>
        <p role="status" className="catalogue-status">
          {created ? t('catalogue.add.created', { name: created }) : ''}
        </p>
      </div>
    </form>
  );
}

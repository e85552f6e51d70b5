import { type GoodDirection, LOCALES, metricResponseSchema, type MetricResponse, type PrincipleResponse, type TranslatedField } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { BoundedField } from './BoundedField';
import { buildMetricPatch, isDefinitionChanged, isTargetChanged, metricToForm, type FieldError, type MetricForm } from './catalogue-model';
import { FormErrors, TextField, useFieldErrors, WriteError } from './FormParts';
import { TargetHistoryList } from './TargetHistoryList';
import { useCatalogueWrite } from './useCatalogueWrite';

const DIRECTIONS: readonly GoodDirection[] = ['lower', 'higher', 'neutral'];

/** One metric's settings: target, direction, decimals, threshold, prompt, definition, principles. */
export function MetricEditForm({ metric, principles }: { metric: MetricResponse; principles: readonly PrincipleResponse[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [form, setForm] = useState<MetricForm>(() => metricToForm(metric));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<'idle' | 'saved' | 'unchanged'>('idle');
  const write = useCatalogueWrite('PATCH', metricResponseSchema);
  const errorOf = useFieldErrors(errors);
  const set = <K extends keyof MetricForm>(key: K, value: MetricForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setStatus('idle');
  };
  const definitionChanged = isDefinitionChanged(metric, form);
  const targetChanged = isTargetChanged(metric, form);
  const outdated = metric.englishOutdated ?? [];
  const confirm = (field: TranslatedField, isConfirmed: boolean) =>
    set('englishConfirmed', isConfirmed ? [...form.englishConfirmed, field] : form.englishConfirmed.filter((f) => f !== field));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { patch, errors: found } = buildMetricPatch(metric, form);
    setErrors(found);
    if (found.length > 0) return;
    if (Object.keys(patch).length === 0) return setStatus('unchanged');
    try {
      const saved = await write.mutateAsync({ path: `/api/metrics/${metric.key}`, body: patch });
      setForm(metricToForm(saved));
      setStatus('saved');
    } catch {
      // The error is shown from the mutation's state.
    }
  };

  const text = (field: 'prompt' | 'definition' | 'numerator' | 'denominator') =>
    LOCALES.map((lang) => {
      const key = `${field}${lang === 'sv' ? 'Sv' : 'En'}` as const;
      return (
        <TextField
          key={key}
          id={`${id}-${key}`}
          label={t(`catalogue.${field}`, { lang: t(`catalogue.${lang}`) })}
          hint={lang === 'en' && outdated.includes(field) ? t('translations.fieldHint') : undefined}
          value={form[key]}
          onChange={(v) => set(key, v)}
          error={errorOf(key)}
          isMultiline
        />
      );
    });

  return (
    <form className="catalogue-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('catalogue.edit', { name: metric.name[language] })}>
      {outdated.length > 0 && (
        <div className="notice notice--translation">
          <p className="notice__title">{t('translations.noticeTitle')}</p>
          <p>{t('translations.notice', { fields: outdated.map((f) => t(`translations.fields.${f}`)).join(', ') })}</p>
          <ul className="translation-confirm">
            {outdated.map((f) => (
              <li key={f}>
                <label>
                  <input type="checkbox" checked={form.englishConfirmed.includes(f)} onChange={(e) => confirm(f, e.target.checked)} />{' '}
                  {t('translations.confirm', { field: t(`translations.fields.${f}`) })}
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="catalogue-group">
        <legend>{t('catalogue.targetHeading')}</legend>
        <p className="field-hint">{t('catalogue.targetHint')}</p>
        <div className="catalogue-row">
          <TextField id={`${id}-targetMin`} label={t('catalogue.targetMin')} value={form.targetMin} onChange={(v) => set('targetMin', v)} error={errorOf('targetMin')} inputMode="decimal" />
          <TextField id={`${id}-targetMax`} label={t('catalogue.targetMax')} value={form.targetMax} onChange={(v) => set('targetMax', v)} error={errorOf('targetMax')} inputMode="decimal" />
          <div className="field catalogue-field">
            <label htmlFor={`${id}-direction`}>{t('catalogue.goodDirection')}</label>
            <select id={`${id}-direction`} value={form.goodDirection} onChange={(e) => set('goodDirection', e.target.value as GoodDirection)}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`catalogue.direction.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField id={`${id}-decimals`} label={t('catalogue.decimals')} value={form.decimals} onChange={(v) => set('decimals', v)} error={errorOf('decimals')} inputMode="numeric" />
        </div>
        {targetChanged && (
          <div className="catalogue-row catalogue-version">
            <TextField
              id={`${id}-targetFrom`}
              label={t('targetHistory.fromYear')}
              hint={t('targetHistory.fromYearHint')}
              value={form.targetFrom}
              onChange={(v) => set('targetFrom', v)}
              error={errorOf('targetFrom')}
              inputMode="numeric"
            />
          </div>
        )}
        <TargetHistoryList metric={metric} />
      </fieldset>

      <BoundedField isBounded={form.bounded} onChange={(v) => set('bounded', v)} />

      <fieldset className="catalogue-group">
        <legend>{t('catalogue.thresholdHeading')}</legend>
        <TextField
          id={`${id}-threshold`}
          label={t('catalogue.threshold')}
          hint={t('catalogue.thresholdHint')}
          value={form.suppressionThreshold}
          onChange={(v) => set('suppressionThreshold', v)}
          error={errorOf('suppressionThreshold')}
          inputMode="numeric"
        />
      </fieldset>

      <fieldset className="catalogue-group">
        <legend>{t('catalogue.promptHeading')}</legend>
        <div className="catalogue-pair">{text('prompt')}</div>
      </fieldset>

      <fieldset className="catalogue-group">
        <legend>{t('catalogue.definitionHeading')}</legend>
        <p className="field-hint">{t('catalogue.definitionHint')}</p>
        <div className="catalogue-pair">{text('definition')}</div>
        <div className="catalogue-pair">{text('numerator')}</div>
        <div className="catalogue-pair">{text('denominator')}</div>
        {definitionChanged && (
          <div className="catalogue-row catalogue-version">
            <TextField id={`${id}-fromYear`} label={t('catalogue.fromYear')} value={form.fromYear} onChange={(v) => set('fromYear', v)} error={errorOf('fromYear')} inputMode="numeric" />
            <TextField id={`${id}-note`} label={t('catalogue.note')} value={form.note} onChange={(v) => set('note', v)} error={errorOf('note')} width="wide" />
          </div>
        )}
      </fieldset>

      <fieldset className="catalogue-group">
        <legend>{t('catalogue.principlesHeading')}</legend>
        <ul className="catalogue-checks">
          {principles.map((p) => {
            const checked = form.principles.includes(p.key);
            return (
              <li key={p.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => set('principles', checked ? form.principles.filter((k) => k !== p.key) : [...form.principles, p.key])}
                  />{' '}
                  {p.name[language]}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <FormErrors errors={errors} />
      <WriteError error={write.error} />
      <div className="catalogue-actions">
        <button type="submit" className="button" disabled={write.isPending}>
          {write.isPending ? t('catalogue.saving') : t('catalogue.save')}
        </button>
        <p role="status" className="catalogue-status">
          {status === 'saved' ? t('catalogue.saved') : status === 'unchanged' ? t('catalogue.noChanges') : ''}
        </p>
      </div>
    </form>
  );
}

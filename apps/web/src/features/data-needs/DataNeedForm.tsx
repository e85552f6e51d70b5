import { ANNOTATION_TEXT_MAX, dataNeedCreateSchema, type MetricResponse } from '@tillit/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { issuesByField, type SchemaIssue } from '../../api/schema-issues';
import { issueText } from '../annotations/form-issues';
import { writeErrorText } from '../annotations/write-error';
import { NotYetTranslated } from '../metric/NotYetTranslated';
import { useCreateDataNeed } from './queries';
import { useArrivalFocus } from './useArrivalFocus';

interface DataNeedFormProps {
  metric: Pick<MetricResponse, 'key' | 'prompt' | 'name' | 'englishOutdated'>;
  /** The unit the person is looking at; the question is about it. */
  unitId: string | null;
  /** The page anchor that leads here (from the overview's cards): arriving by it puts the cursor in the text. */
  anchor?: string;
}

/**
 * "Vilka data behöver du?": the metric's prompt as the label, a text, and "Skicka". The question
 * goes to the development manager; the text stays as typed when sending fails.
 */
export function DataNeedForm({ metric, unitId, anchor }: DataNeedFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [text, setText] = useState('');
  const create = useCreateDataNeed();
  const [issue, setIssue] = useState<SchemaIssue | undefined>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  useArrivalFocus(textRef, anchor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { metricKey: metric.key, text, ...(unitId ? { unitId } : {}) };
    // The domain's rule for the text, before sending: an empty question is refused at the field.
    const found = issuesByField(dataNeedCreateSchema.safeParse(body), { text: 'text' }).fields.text;
    setIssue(found);
    if (found) return textRef.current?.focus();
    create.mutate(body, { onSuccess: () => setText('') });
  };
  const describedBy = [`${id}-hint`, issue ? `${id}-text-error` : null, create.error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <form className="data-need-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-text`} className="data-need-form__label">
          {metric.prompt[language]}
          <NotYetTranslated metric={metric} field="prompt" />
        </label>
        <span id={`${id}-hint`} className="field-hint">
          {t('dataNeeds.form.hint', { max: ANNOTATION_TEXT_MAX })}
        </span>
        {issue && (
          <p id={`${id}-text-error`} className="field-error">
            {issueText(issue, language, t)}
          </p>
        )}
        <textarea
          id={`${id}-text`}
          ref={textRef}
          name="text"
          rows={4}
          maxLength={ANNOTATION_TEXT_MAX}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setIssue(undefined);
          }}
          aria-invalid={issue || create.error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      {create.error && (
        <div className="form-alert" role="alert" id={`${id}-error`}>
          <p className="form-alert__title">{t('dataNeeds.form.error')}</p>
          <p>{writeErrorText(create.error, t)}</p>
        </div>
      )}
      <div className="data-need-form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('dataNeeds.form.sending') : t('dataNeeds.form.submit')}
        </button>
      </div>
      <div role="status" className="data-need-form__status">
        {create.isSuccess && (
          <p className="form-success">
            {t('dataNeeds.form.success')} <Link to="/data-needs/mine">{t('dataNeeds.form.toMine')}</Link>
          </p>
        )}
      </div>
    </form>
  );
}

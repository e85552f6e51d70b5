import { ANNOTATION_TEXT_MAX, type AnnotationVisibility } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { fieldErrors, type AnnotationDraft, type DraftField, type DraftIssues } from './annotation-form';
import { issueText } from './form-issues';
import { writeErrorText } from './write-error';

interface AnnotationFormProps {
  heading: string;
  intro?: string;
  initial: AnnotationDraft;
  submitLabel: string;
  isPending: boolean;
  error: Error | null;
  /** The domain's rules for the draft (a new note or a change): what is wrong, before it is sent. */
  check: (draft: AnnotationDraft) => DraftIssues;
  /** Saves the draft; resolves true when saved (the form then starts over or closes). */
  onSubmit: (draft: AnnotationDraft) => Promise<boolean>;
  onCancel?: () => void;
  /** Set for a form that opens on request (editing), so that typing can start at once. */
  isAutoFocused?: boolean;
}

const VISIBILITIES: readonly AnnotationVisibility[] = ['internal', 'public'];
const FIELDS: readonly DraftField[] = ['yearFrom', 'yearTo', 'text', 'visibility'];

/**
 * A first note: its year or span, its text and who may read it. The domain's schema checks the
 * input in the browser first (an empty note is not sent) and the API again; the complaints of
 * either appear at the fields, and the text stays as typed when saving fails.
 */
export function AnnotationForm({ heading, intro, initial, submitLabel, isPending, error, check, onSubmit, onCancel, isAutoFocused }: AnnotationFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<DraftIssues>({});
  const errors: Partial<Record<DraftField, string>> = error instanceof ApiError ? fieldErrors(error.details) : {};
  for (const field of FIELDS) {
    const issue = issues[field];
    if (issue) errors[field] = issueText(issue, language, t);
  }
  const set = (field: DraftField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setIssues(({ [field]: _fixed, ...rest }) => rest);
  };
  const describedBy = (field: DraftField, hasHint = true) =>
    [hasHint ? `${id}-${field}-hint` : null, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: DraftField) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setIssues(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      // The cursor goes to the first field to fix, where its message is read out with it.
      document.getElementById(first === 'visibility' ? `${id}-visibility-${draft.visibility}` : `${id}-${first}`)?.focus();
      return;
    }
    if (await onSubmit(draft)) setDraft(initial);
  };

  return (
    <form className="annotation-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {intro && <p className="annotation-form__intro">{intro}</p>}
      <div className="annotation-form__years">
        <div className="field">
          <label htmlFor={`${id}-yearFrom`}>{t('annotations.form.yearFrom')}</label>
          <span id={`${id}-yearFrom-hint`} className="field-hint">
            {t('annotations.form.yearFromHint')}
          </span>
          {fieldError('yearFrom')}
          <input
            id={`${id}-yearFrom`}
            name="year"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={draft.yearFrom}
            onChange={(e) => set('yearFrom', e.target.value)}
            aria-invalid={errors.yearFrom ? true : undefined}
            aria-describedby={describedBy('yearFrom')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-yearTo`}>{t('annotations.form.yearTo')}</label>
          <span id={`${id}-yearTo-hint`} className="field-hint">
            {t('annotations.form.yearToHint')}
          </span>
          {fieldError('yearTo')}
          <input
            id={`${id}-yearTo`}
            name="yearTo"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={draft.yearTo}
            onChange={(e) => set('yearTo', e.target.value)}
            aria-invalid={errors.yearTo ? true : undefined}
            aria-describedby={describedBy('yearTo')}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('annotations.form.text')}</label>
        <span id={`${id}-text-hint`} className="field-hint">
          {t('annotations.form.textHint', { max: ANNOTATION_TEXT_MAX })}
        </span>
        {fieldError('text')}
        <textarea
          id={`${id}-text`}
          name="text"
          rows={4}
          maxLength={ANNOTATION_TEXT_MAX}
          value={draft.text}
          onChange={(e) => set('text', e.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={describedBy('text')}
          autoFocus={isAutoFocused}
        />
        <span className="field-hint field-hint--end">
          {t('annotations.form.counter', { count: draft.text.length, max: ANNOTATION_TEXT_MAX })}
        </span>
      </div>
      <fieldset className="field annotation-form__visibility" aria-describedby={errors.visibility ? `${id}-visibility-error` : undefined}>
        <legend>{t('annotations.form.visibility')}</legend>
        {fieldError('visibility')}
        {VISIBILITIES.map((v) => (
          <div key={v} className="radio">
            <input
              type="radio"
              id={`${id}-visibility-${v}`}
              name={`${id}-visibility`}
              value={v}
              checked={draft.visibility === v}
              onChange={() => set('visibility', v)}
              aria-describedby={`${id}-visibility-${v}-hint`}
            />
            <label htmlFor={`${id}-visibility-${v}`}>{t(`annotations.visibility.${v}`)}</label>
            <span id={`${id}-visibility-${v}-hint`} className="field-hint">
              {t(v === 'internal' ? 'annotations.form.internalHint' : 'annotations.form.publicHint')}
            </span>
          </div>
        ))}
      </fieldset>
      {error && (
        <div className="form-alert" role="alert">
          <p className="form-alert__title">{t('annotations.form.error')}</p>
          <p>{writeErrorText(error, t)}</p>
        </div>
      )}
      <div className="annotation-form__actions">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? t('annotations.form.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('annotations.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

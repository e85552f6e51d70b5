import { ANNOTATION_TEXT_MAX, replyBodySchema } from '@tillit/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { fieldErrors } from './annotation-form';
import { issuesByField, type SchemaIssue } from '../../api/schema-issues';
import { issueText } from './form-issues';
import { writeErrorText } from './write-error';

interface ReplyFormProps {
  label: string;
  submitLabel: string;
  errorTitle: string;
  initialText?: string;
  isPending: boolean;
  error: Error | null;
  /** Saves the text; resolves true when saved. */
  onSubmit: (text: string) => Promise<boolean>;
  onCancel: () => void;
}

/**
 * A text alone: a new reply, or a change to one. The domain's rule for a note's text is checked
 * before sending (an empty reply is not sent); the text stays as typed when saving fails.
 */
export function ReplyForm({ label, submitLabel, errorTitle, initialText = '', isPending, error, onSubmit, onCancel }: ReplyFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [issue, setIssue] = useState<SchemaIssue | undefined>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const textError = issue ? issueText(issue, language, t) : error instanceof ApiError ? fieldErrors(error.details).text : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = issuesByField(replyBodySchema.safeParse({ text }), { text: 'text' }).fields.text;
    setIssue(found);
    if (found) return textRef.current?.focus();
    if (await onSubmit(text)) setText('');
  };

  return (
    <form className="reply-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        {textError && (
          <p id={`${id}-error`} className="field-error">
            {textError}
          </p>
        )}
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={ANNOTATION_TEXT_MAX}
          ref={textRef}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setIssue(undefined);
          }}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${id}-error` : undefined}
          autoFocus
        />
      </div>
      {error && (
        <div className="form-alert" role="alert">
          <p className="form-alert__title">{errorTitle}</p>
          <p>{writeErrorText(error, t)}</p>
        </div>
      )}
      <div className="annotation-form__actions">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? t('annotations.form.saving') : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('annotations.cancel')}
        </button>
      </div>
    </form>
  );
}

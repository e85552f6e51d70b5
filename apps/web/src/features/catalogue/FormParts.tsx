import { formatNumber, type Language } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import type { FieldError } from './catalogue-model';

/** A field error's values for its words: the most characters in the language's format (4 000). */
const errorValues = (e: FieldError, language: Language) => (e.max === undefined ? {} : { max: formatNumber(e.max, 0, language) });

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  isMultiline?: boolean;
  inputMode?: 'decimal' | 'numeric';
  width?: 'short' | 'wide';
}

/** A labelled input with its hint and its error, tied together for screen readers. */
export function TextField({ id, label, value, onChange, hint, error, isMultiline, inputMode, width = 'short' }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  } as const;
  return (
    <div className={`field catalogue-field catalogue-field--${isMultiline ? 'text' : width}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {isMultiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** The form's own complaints per field, worded for the reader. */
export function useFieldErrors(errors: readonly FieldError[]) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (field: string): string | null => {
    const e = errors.find((x) => x.field === field);
    return e ? t(`catalogue.errors.${e.error}`, errorValues(e, language)) : null;
  };
}

/** What the server said when a write failed: its message, and each field it named. */
export function WriteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('errors.unknown');
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="notice notice--error catalogue-alert" role="alert">
      <p className="notice__title">{t('catalogue.errorTitle')}</p>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              <code>{d.path}</code>: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The form's own errors before anything is sent. */
export function FormErrors({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (errors.length === 0) return null;
  return (
    <div className="notice notice--error catalogue-alert" role="alert">
      <p className="notice__title">{t('catalogue.fieldErrors')}</p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}:${e.error}`}>{t(`catalogue.errors.${e.error}`, errorValues(e, language))}</li>
        ))}
      </ul>
    </div>
  );
}

import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const LABEL_KEY = {
  unit: 'import.unit',
  metric: 'import.metric',
  year: 'import.year',
  numerator: 'import.numerator',
  denominator: 'import.denominator',
  groupSize: 'import.groupSize',
  source: 'import.source',
} as const satisfies Record<ImportField, string>;

/**
 * When the file's header row is not one we read alone: a select per field, preselected with the
 * server's guesses, then a new preview with the columns chosen. Nothing is guessed silently.
 */
export function MappingStep({
  headers,
  suggested,
  isPending,
  onSubmit,
}: {
  headers: readonly string[];
  suggested: ImportMapping;
  isPending: boolean;
  onSubmit: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const [mapping, setMapping] = useState<ImportMapping>(suggested);
  const [missing, setMissing] = useState<ImportField[]>([]);
  const choices = headers.filter((h) => h !== '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const unset = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);
    setMissing(unset);
    if (unset.length === 0) onSubmit(mapping);
  }

  return (
    <form className="form import-mapping" onSubmit={submit} noValidate aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('import.mappingTitle')}</h2>
      <p>{t('import.mappingIntro')}</p>
      <div className="import-mapping__grid">
        {IMPORT_FIELDS.map((field) => {
          const id = `${baseId}-${field}`;
          const isRequired = REQUIRED_IMPORT_FIELDS.includes(field);
          const isMissing = missing.includes(field);
          return (
            <div className="form__field" key={field}>
              <label htmlFor={id}>
                {t(LABEL_KEY[field])}
                {isRequired ? '' : ` ${t('import.optional')}`}
              </label>
              <select
                id={id}
                value={mapping[field] ?? ''}
                aria-invalid={isMissing ? true : undefined}
                aria-describedby={isMissing ? `${id}-error` : undefined}
                onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value === '' ? undefined : e.target.value }))}
              >
                <option value="">{isRequired ? t('import.mappingChoose') : t('import.mappingNone')}</option>
                {choices.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              {isMissing && (
                <p id={`${id}-error`} className="form__error">
                  {t('import.mappingRequired')}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <button type="submit" className="button button--secondary" disabled={isPending}>
        {isPending ? t('import.working') : t('import.mappingSubmit')}
      </button>
    </form>
  );
}

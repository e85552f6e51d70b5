import type { ImportPreview, ParentRows } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ReadOptions {
  sheet?: string;
  parentRows: ParentRows;
}

/**
 * How the file is read, to change and preview again: which sheet of a workbook, and whether rows
 * for units with units below them are checked (default) or stored as those units' own figures.
 * Shown only when there is a choice to make.
 */
export function PreviewOptions({
  preview,
  isPending,
  onSubmit,
}: {
  preview: ImportPreview;
  isPending: boolean;
  onSubmit: (options: ReadOptions) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [sheet, setSheet] = useState(preview.sheet ?? undefined);
  const [parentRows, setParentRows] = useState<ParentRows>(preview.parentRows);
  const hasSheets = preview.sheets.length > 1;
  const hasTotals = preview.totalsTotal > 0 || preview.parentRows === 'own';
  if (!hasSheets && !hasTotals) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ sheet, parentRows });
  };

  return (
    <form className="form import-options" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('importHr.optionsTitle')}</h3>
      {hasSheets && (
        <div className="form__field">
          <label htmlFor={`${id}-sheet`}>{t('importHr.sheet')}</label>
          <p id={`${id}-sheet-hint`} className="form__hint">
            {t('importHr.sheetHint')}
          </p>
          <select id={`${id}-sheet`} value={sheet ?? ''} aria-describedby={`${id}-sheet-hint`} onChange={(e) => setSheet(e.target.value)}>
            {preview.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      {hasTotals && (
        <fieldset className="import-options__choice">
          <legend>{t('importHr.parentRowsLegend')}</legend>
          {(['check', 'own'] as const).map((value) => (
            <label key={value} className="import-options__radio">
              <input type="radio" name={`${id}-parentRows`} value={value} checked={parentRows === value} onChange={() => setParentRows(value)} />{' '}
              {t(value === 'check' ? 'importHr.parentRowsCheck' : 'importHr.parentRowsOwn')}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button button--secondary" disabled={isPending}>
        {isPending ? t('import.working') : t('importHr.previewAgain')}
      </button>
    </form>
  );
}

import { formatNumber, type ImportPreview } from '@tillit/domain';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/charts/DataTable';
import { useLanguage } from '../../i18n/useLanguage';
import { useNames } from '../units/useNames';
import { changeRows, totalRows } from './import-rows';

const SEPARATOR_KEY = { ';': 'semicolon', ',': 'comma', '\t': 'tab' } as const;

/** A unit by its name, with the code the file gave beside it (the HR system's own column). */
function UnitCell({ id, name }: { id: string; name: string }) {
  if (name === id) return <>{id}</>;
  return (
    <>
      {name} <span className="muted">({id})</span>
    </>
  );
}

/** Where in the file the table was found: the sheet, or the encoding and separator, and the header's row. */
function ReadFrom({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  if (preview.headerRow === null) return null;
  if (preview.sheet !== null) return <p>{t('importHr.readXlsx', { sheet: preview.sheet, row: preview.headerRow })}</p>;
  if (preview.encoding === null || preview.separator === null) return null;
  return (
    <p>
      {t('importHr.readCsv', {
        encoding: t(`importHr.encodings.${preview.encoding}`),
        separator: t(`importHr.separators.${SEPARATOR_KEY[preview.separator]}`),
        row: preview.headerRow,
      })}
    </p>
  );
}

/** Rows for units with units below them: checked against the rows below, apart from the rest ("Summarader"). */
function TotalsSection({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const names = useNames();
  const id = useId();
  const count = (n: number) => formatNumber(n, 0, language);
  if (preview.totalsTotal === 0) return null;
  return (
    <section className="import-totals" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('importHr.totalsTitle')}</h3>
      <p>{t(preview.parentRows === 'own' ? 'importHr.totalsIntroOwn' : 'importHr.totalsIntro')}</p>
      {preview.totalsTotal > preview.totals.length && (
        <p>{t('importHr.totalsShown', { shown: count(preview.totals.length), total: count(preview.totalsTotal) })}</p>
      )}
      <DataTable
        caption={t('importHr.totalsCaption')}
        rows={totalRows(preview.totals, language, t('importHr.noUnit'))}
        rowKey={(r) => r.key}
        columns={[
          { key: 'row', header: t('import.row'), align: 'end', render: (r) => r.row },
          { key: 'unit', header: t('import.unit'), render: (r) => r.unit },
          { key: 'metric', header: t('import.metric'), render: (r) => names.metricName(r.metricKey) },
          { key: 'year', header: t('import.year'), align: 'end', render: (r) => r.year },
          { key: 'file', header: t('importHr.inFile'), align: 'end', render: (r) => r.file },
          { key: 'below', header: t('importHr.below'), align: 'end', render: (r) => r.below },
          {
            key: 'status',
            header: t('importHr.outcome'),
            className: 'import-totals__message',
            // The message's first sentence says what was found; the rest what becomes of the row.
            render: (r) => {
              const cut = r.message.indexOf('. ') + 1;
              return cut > 0 ? (
                <>
                  <strong className={`import-total import-total--${r.status}`}>{r.message.slice(0, cut)}</strong>
                  {r.message.slice(cut)}
                </>
              ) : (
                r.message
              );
            },
          },
        ]}
      />
    </section>
  );
}

/**
 * A preview's (or a refused import's) counts, where the table was found, errors, warnings,
 * subtotals and changes. `options` (how the file is read) comes after the counts.
 */
export function PreviewTables({ preview, options }: { preview: ImportPreview; options?: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const names = useNames();
  const rows = changeRows(preview.changes, language, (reason) => t('importHr.hidden', { reason: t(`importHr.hiddenReasons.${reason}`) }));
  const count = (n: number) => formatNumber(n, 0, language);
  return (
    <>
      <ReadFrom preview={preview} />
      <p>{t('import.summary', { read: preview.rowsRead, valid: preview.rowsValid })}</p>
      <p className="import-hint">{preview.errors.length === 0 ? t('import.noErrorsHint') : t('import.hasErrorsHint')}</p>
      {options}
      {preview.errorsTotal > preview.errors.length && (
        <p>{t('import.errorsShown', { shown: count(preview.errors.length), total: count(preview.errorsTotal) })}</p>
      )}
      {preview.errors.length > 0 && (
        <DataTable
          caption={t('import.errorsCaption')}
          rows={preview.errors}
          rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
          columns={[
            { key: 'row', header: t('import.row'), align: 'end', render: (e) => e.row },
            { key: 'column', header: t('import.column'), render: (e) => e.column ?? '–' },
            { key: 'message', header: t('import.error'), render: (e) => e.message },
          ]}
        />
      )}
      {preview.warningsTotal > preview.warnings.length && (
        <p>{t('importHr.warningsShown', { shown: count(preview.warnings.length), total: count(preview.warningsTotal) })}</p>
      )}
      {preview.warnings.length > 0 && (
        <DataTable
          caption={t('importHr.warningsCaption')}
          rows={preview.warnings}
          rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
          columns={[
            { key: 'row', header: t('import.row'), align: 'end', render: (e) => e.row },
            { key: 'column', header: t('import.column'), render: (e) => e.column ?? '–' },
            { key: 'message', header: t('importHr.warning'), render: (e) => e.message },
          ]}
        />
      )}
      {preview.hidesShown.length > 0 && (
        <div className="notice notice--warning" role="note">
          <p>{t('importHr.hidesShown', { count: preview.hidesShownTotal })}</p>
          <ul>
            {preview.hidesShown.map((w) => (
              <li key={`${w.metricKey}-${w.year}-${w.unitId}`}>{w.message}</li>
            ))}
          </ul>
          {preview.hidesShownTotal > preview.hidesShown.length && (
            <p>{t('importHr.hidesShownMore', { count: preview.hidesShownTotal - preview.hidesShown.length })}</p>
          )}
          <p>{t('importHr.hidesShownAdvice')}</p>
        </div>
      )}
      <TotalsSection preview={preview} />
      {preview.changesTotal > preview.changes.length && (
        <p>{t('import.changesShown', { shown: count(preview.changes.length), total: count(preview.changesTotal) })}</p>
      )}
      {preview.needsMapping ? null : rows.length === 0 ? (
        <p className="muted">{t('import.noChanges')}</p>
      ) : (
        <DataTable
          caption={t('import.changesCaption')}
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { key: 'unit', header: t('import.unit'), render: (r) => <UnitCell id={r.unitId} name={names.unitName(r.unitId) ?? r.unitId} /> },
            { key: 'metric', header: t('import.metric'), render: (r) => names.metricName(r.metricKey) },
            { key: 'year', header: t('import.year'), align: 'end', render: (r) => r.year },
            { key: 'before', header: t('import.before'), align: 'end', render: (r) => r.before },
            { key: 'after', header: t('import.after'), align: 'end', render: (r) => r.after },
          ]}
        />
      )}
    </>
  );
}

import { unitImportPreviewSchema, type UnitImportPreview } from '@tillit/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/charts/DataTable';
import { useImportUnits, usePreviewUnits } from './queries';
import { FileImportForm } from '../../components/ui/FileImportForm';
import { ImportOutcome } from '../../components/ui/ImportOutcome';
import { useFileImport } from '../../components/ui/useFileImport';

const fields = (f: UnitImportPreview['changes'][number]['new'] | null) =>
  f === null ? '–' : [f.name, f.parentId ?? '–', `${f.validFrom ?? '…'} – ${f.validTo ?? '…'}`].join(' · ');

function PreviewTables({ preview }: { preview: UnitImportPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('organisation.previewSummary', { read: preview.rowsRead, valid: preview.rowsValid })}</p>
      {preview.errors.length > 0 && (
        <DataTable
          caption={t('organisation.errorsCaption')}
          rows={preview.errors}
          rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
          columns={[
            { key: 'row', header: t('organisation.row'), align: 'end', render: (e) => e.row },
            { key: 'column', header: t('organisation.column'), render: (e) => e.column ?? '–' },
            { key: 'message', header: t('organisation.error'), render: (e) => e.message },
          ]}
        />
      )}
      {preview.changes.length === 0 ? (
        <p className="muted">{t('organisation.noChanges')}</p>
      ) : (
        <DataTable
          caption={t('organisation.changesCaption')}
          rows={preview.changes}
          rowKey={(c) => c.id}
          columns={[
            { key: 'row', header: t('organisation.row'), align: 'end', render: (c) => c.row },
            { key: 'code', header: t('organisation.code'), isRowHeader: true, render: (c) => c.id },
            { key: 'change', header: t('organisation.change'), render: (c) => t(c.action === 'create' ? 'organisation.created' : 'organisation.updated') },
            { key: 'before', header: t('organisation.before'), render: (c) => fields(c.old) },
            { key: 'after', header: t('organisation.after'), render: (c) => fields(c.new) },
          ]}
        />
      )}
    </>
  );
}

/** Units from a CSV or XLSX file: preview first, then all rows or nothing. */
export function UnitImportSection() {
  const { t } = useTranslation();
  const id = useId();
  const preview = usePreviewUnits();
  const run = useImportUnits();
  const upload = useFileImport({ preview, run, schema: unitImportPreviewSchema, chooseFile: t('organisation.chooseFile'), upload: (file) => file });
  const { refused, shown } = upload;

  const headingId = `${id}-heading`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organisation.importHeading')}</h2>
      <FileImportForm
        label={t('organisation.fileLabel')}
        help={t('organisation.importHelp')}
        accept=".csv,.txt,.xlsx"
        previewLabel={t('organisation.preview')}
        importLabel={t('organisation.import')}
        workingLabel={t('organisation.working')}
        {...upload.form}
      />
      <ImportOutcome
        done={run.isSuccess ? t('organisation.imported', { created: run.data.created, updated: run.data.updated }) : ''}
        importError={run.error}
        refused={refused !== null}
        refusedText={t('organisation.refused')}
        previewError={preview.error}
      />
      {shown && (
        <div className="import-preview">
          <h3>{t('organisation.previewTitle', { file: shown.fileName })}</h3>
          <PreviewTables preview={shown} />
        </div>
      )}
    </section>
  );
}

import { formatDateTime, formatNumber, type ImportBatch, type ImportMapping, importPreviewSchema } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { MappingStep } from './MappingStep';
import { PreviewOptions, type ReadOptions } from './PreviewOptions';
import { PreviewTables } from './PreviewTables';
import { KoladaSection } from '../kolada/KoladaSection';
import { importQueries, usePreviewImport, useRunImport, useUndoImport } from './queries';
import { FileImportForm } from '../../components/ui/FileImportForm';
import { ImportOutcome } from '../../components/ui/ImportOutcome';
import { useFileImport } from '../../components/ui/useFileImport';

/** Earlier imports, newest first, each with a way to undo it (confirmed inline). */
function BatchList({ batches }: { batches: ImportBatch[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const undo = useUndoImport();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [message, setMessage] = useState('');

  function onUndo(batch: ImportBatch) {
    setMessage('');
    undo.mutate(batch.id, {
      onSuccess: (result) => {
        setConfirming(null);
        setMessage(t('import.undone', { id: result.batchId, count: result.restored }));
      },
      onError: () => setConfirming(null),
    });
  }

  return (
    <>
      <p role="status" className="import-status">
        {message}
      </p>
      {undo.isError && <ErrorMessage error={undo.error} />}
      <div className="table-scroll" role="region" aria-labelledby="import-batches-caption" tabIndex={0}>
        <table className="data-table import-table">
          <caption id="import-batches-caption">{t('import.batchesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.when')}</th>
              <th scope="col">{t('import.who')}</th>
              <th scope="col">{t('import.file')}</th>
              <th scope="col">{t('import.rows')}</th>
              <th scope="col">{t('import.status')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt, language)}</td>
                <td>{b.createdBy ?? '–'}</td>
                <td>{b.fileName}</td>
                <td className="num">{t('import.rowsValue', { written: b.rowsWritten, read: b.rowsRead })}</td>
                <td>
                  {b.undoneAt !== null ? (
                    t('import.undoneAt', { when: formatDateTime(b.undoneAt, language) })
                  ) : confirming === b.id ? (
                    <div className="import-confirm" role="group" aria-label={t('import.undoLabel', { id: b.id, file: b.fileName })}>
                      <p>{t('import.confirmUndo')}</p>
                      <button type="button" className="button button--danger" disabled={undo.isPending} onClick={() => onUndo(b)}>
                        {t('import.confirmYes')}
                      </button>{' '}
                      <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                        {t('import.cancel')}
                      </button>
                    </div>
                  ) : (
                    <>
                      {t('import.active')}{' '}
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t('import.undoLabel', { id: b.id, file: b.fileName })}
                        onClick={() => {
                          undo.reset();
                          setConfirming(b.id);
                        }}
                      >
                        {t('import.undo')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The development manager imports values from a file: preview, import, and undo earlier imports. */
export function ImportPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  // The columns chosen in the mapping step, the sheet and what to do with subtotal rows: kept for the import itself.
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const [options, setOptions] = useState<ReadOptions>({ parentRows: 'check' });
  const preview = usePreviewImport();
  const run = useRunImport();
  const batches = useQuery(importQueries.batches());
  const upload = useFileImport({
    preview,
    run,
    schema: importPreviewSchema,
    chooseFile: t('import.chooseFile'),
    upload: (file) => ({ file, mapping, ...options }),
    // "Preview" reads the file's header anew: a mapping chosen for it before is forgotten.
    firstPreview: (file) => {
      setMapping(undefined);
      return { file, ...options };
    },
    onFileChange: () => {
      setMapping(undefined);
      setOptions({ parentRows: 'check' });
    },
  });
  const { file, refused, shown, isWorking } = upload;

  function onMapping(chosen: ImportMapping) {
    if (!file) return;
    setMapping(chosen);
    upload.previewAgain((f) => ({ file: f, mapping: chosen, ...options }));
  }

  function onOptions(chosen: ReadOptions) {
    if (!file) return;
    setOptions(chosen);
    // Another sheet has other columns: its header is looked for anew.
    const keep = chosen.sheet === options.sheet ? mapping : undefined;
    setMapping(keep);
    upload.previewAgain((f) => ({ file: f, mapping: keep, ...chosen }));
  }

  return (
    <>
      <PageTitle page={t('import.title')} />
      <div className="page-header">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.intro')}</p>
      </div>
      <FileImportForm
        label={t('import.fileLabel')}
        help={t('import.fileHelp')}
        accept=".csv,.txt,.xlsx"
        previewLabel={t('import.preview')}
        importLabel={t('import.import')}
        workingLabel={t('import.working')}
        {...upload.form}
      />

      <ImportOutcome
        done={
          run.isSuccess
            ? [t('import.imported', { count: run.data.rowsValid }), run.data.totalsSkipped > 0 ? t('importHr.totalsSkipped', { count: run.data.totalsSkipped }) : '']
                .filter(Boolean)
                .join(' ')
            : ''
        }
        importError={run.error}
        refused={refused !== null}
        refusedText={t('import.refused')}
        previewError={preview.error}
      />
      {/* Big files take a while (a million rows: tens of seconds); say that something is happening. */}
      <p role="status" className="import-working" aria-busy={isWorking}>
        {isWorking && file ? t('import.workingLong', { size: formatNumber(file.size / 1024 / 1024, 1, language) }) : ''}
      </p>

      {shown?.needsMapping && (
        <MappingStep
          key={`${shown.fileName}|${shown.headers.join('|')}`}
          headers={shown.headers}
          suggested={shown.mapping}
          isPending={preview.isPending}
          onSubmit={onMapping}
        />
      )}

      {shown && (
        <section className="section import-preview" aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">{t('import.previewTitle', { file: shown.fileName })}</h2>
          <PreviewTables
            preview={shown}
            options={
              <PreviewOptions
                key={`${shown.fileName}|${shown.sheet ?? ''}|${shown.parentRows}`}
                preview={shown}
                isPending={preview.isPending}
                onSubmit={onOptions}
              />
            }
          />
        </section>
      )}

      <section className="section" aria-labelledby="import-batches-title">
        <h2 id="import-batches-title">{t('import.batchesTitle')}</h2>
        <QueryState query={batches} isEmpty={(d) => d.batches.length === 0} emptyMessage={t('import.batchesEmpty')}>
          {(d) => <BatchList batches={d.batches} />}
        </QueryState>
      </section>
      <KoladaSection />
    </>
  );
}

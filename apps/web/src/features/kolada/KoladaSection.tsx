import { formatNumber, koladaPreviewSchema, type KoladaPreview } from '@tillit/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { DataTable } from '../../components/charts/DataTable';
import { useLanguage } from '../../i18n/useLanguage';
import { KoladaMappings } from './KoladaMappings';
import { useImportKolada, usePreviewKolada } from './queries';
import { FileImportForm } from '../../components/ui/FileImportForm';
import { ImportOutcome } from '../../components/ui/ImportOutcome';

/** The preview carried by a refused import (422), or null for any other error. */
function refused(error: unknown): KoladaPreview | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const parsed = koladaPreviewSchema.safeParse(error.body);
  return parsed.success ? parsed.data : null;
}

function PreviewTables({ preview }: { preview: KoladaPreview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const value = (v: number | null, status: string | null) => (v === null ? `.. ${status ?? ''}`.trim() : formatNumber(v, 1, language));
  return (
    <>
      <p>{t('kolada.admin.summary', { read: preview.rowsRead, valid: preview.rowsValid, replaced: preview.replaced })}</p>
      {preview.isSynthetic && (
        <p>
          <span className="tag tag--synthetic">{t('kolada.synthetic')}</span> {t('kolada.admin.syntheticNote')}
        </p>
      )}
      {preview.unmappedKpis.length > 0 && <p>{t('kolada.admin.unmapped', { list: preview.unmappedKpis.join(', ') })}</p>}
      {preview.errors.length > 0 && (
        <DataTable
          caption={t('kolada.admin.errorsCaption')}
          rows={preview.errors}
          rowKey={(e) => `${e.file}-${e.page}-${e.path}-${e.message}`}
          columns={[
            { key: 'file', header: t('kolada.admin.file'), render: (e) => e.file },
            { key: 'page', header: t('kolada.admin.page'), align: 'end', render: (e) => e.page ?? '–' },
            { key: 'path', header: t('kolada.admin.path'), render: (e) => <code>{e.path || '–'}</code> },
            { key: 'message', header: t('kolada.admin.error'), render: (e) => e.message },
          ]}
        />
      )}
      {preview.rows.length > 0 && (
        <DataTable
          caption={t('kolada.admin.rowsCaption')}
          rows={preview.rows}
          rowKey={(r) => `${r.kpi}|${r.municipality}|${r.ou}|${r.period}|${r.gender}`}
          columns={[
            { key: 'kpi', header: t('kolada.admin.kpi'), render: (r) => r.kpi },
            { key: 'where', header: t('kolada.admin.where'), render: (r) => r.ou ?? r.municipality ?? '–' },
            { key: 'year', header: t('kolada.admin.year'), align: 'end', render: (r) => r.period },
            { key: 'gender', header: t('kolada.admin.gender'), render: (r) => t(`kolada.admin.gender${r.gender}`) },
            { key: 'before', header: t('kolada.admin.before'), align: 'end', render: (r) => (r.old ? value(r.old.value, r.old.status) : '–') },
            { key: 'value', header: t('kolada.admin.value'), align: 'end', render: (r) => value(r.value, r.status) },
            { key: 'metric', header: t('kolada.admin.metric'), render: (r) => r.metricKey ?? t('kolada.admin.noMapping') },
          ]}
        />
      )}
    </>
  );
}

/**
 * The development manager brings Kolada's published figures in: saved JSON pages from
 * api.kolada.se, previewed first. Also keeps which KPI is shown next to which metric.
 */
export function KoladaSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const preview = usePreviewKolada();
  const run = useImportKolada();
  const refusal = run.isError ? refused(run.error) : null;
  const shown = refusal ?? (preview.isSuccess ? preview.data : null);
  const canImport = file !== null && preview.isSuccess && preview.data.errors.length === 0 && !run.isPending && !run.isSuccess;

  function onPreview(event: FormEvent) {
    event.preventDefault();
    run.reset();
    if (!file) {
      setFileError(t('kolada.admin.chooseFile'));
      return;
    }
    setFileError('');
    preview.mutate(file);
  }

  return (
    <section className="section kolada-section" aria-labelledby="kolada-title">
      <h2 id="kolada-title">{t('kolada.admin.title')}</h2>
      <p>{t('kolada.admin.intro')}</p>
      <FileImportForm
        label={t('kolada.admin.fileLabel')}
        help={t('kolada.admin.fileHelp')}
        accept=".json,application/json"
        previewLabel={t('kolada.admin.preview')}
        importLabel={t('kolada.admin.import')}
        fileError={fileError}
        previewPending={preview.isPending}
        importPending={run.isPending}
        canImport={canImport}
        onFileChange={(chosen) => {
          setFile(chosen);
          setFileError('');
          preview.reset();
          run.reset();
        }}
        onPreview={onPreview}
        onImport={() => file && run.mutate(file)}
      />
      <ImportOutcome
        done={run.isSuccess ? t('kolada.admin.imported', { count: run.data.rowsWritten, replaced: run.data.replaced }) : ''}
        importError={run.error}
        refused={refusal !== null}
        refusedText={t('kolada.admin.refused')}
        previewError={preview.error}
      />
      {shown && (
        <div className="import-preview">
          <h3>{t('kolada.admin.previewTitle', { file: shown.fileName })}</h3>
          <PreviewTables preview={shown} />
        </div>
      )}
      <KoladaMappings />
    </section>
  );
}

import { formatNumber, koladaPreviewSchema, type KoladaPreview } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/charts/DataTable';
import { useLanguage } from '../../i18n/useLanguage';
import { KoladaMappings } from './KoladaMappings';
import { useImportKolada, usePreviewKolada } from './queries';
import { FileImportForm } from '../../components/ui/FileImportForm';
import { ImportOutcome } from '../../components/ui/ImportOutcome';
import { useFileImport } from '../../components/ui/useFileImport';

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
  const preview = usePreviewKolada();
  const run = useImportKolada();
  const upload = useFileImport({ preview, run, schema: koladaPreviewSchema, chooseFile: t('kolada.admin.chooseFile'), upload: (file) => file });
  const { refused: refusal, shown } = upload;

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
        {...upload.form}
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

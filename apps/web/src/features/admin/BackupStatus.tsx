import { type BackupStatus as Status, intlLocale } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { operationsQueries } from './operations-queries';

/** The scheduled backups, for the development manager: a failed run is shown first and in words. */
export function BackupStatus() {
  const { t } = useTranslation();
  const status = useQuery(operationsQueries.backups());
  return (
    <section className="section" aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('operations.backupsTitle')}</h2>
      <p className="muted">{t('operations.backupsIntro')}</p>
      <QueryState query={status}>{(s) => <BackupDetails status={s} />}</QueryState>
    </section>
  );
}

function BackupDetails({ status }: { status: Status }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const locale = intlLocale(language);
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const size = (bytes: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
  const last = status.lastRun;
  return (
    <>
      {last && !last.ok && (
        <div className="notice notice--error" role="alert">
          <h3 className="notice__title">{t('operations.failedTitle')}</h3>
          <p>{t('operations.failedAt', { when: when(last.at) })}</p>
          <p className="notice__detail">{last.error}</p>
        </div>
      )}
      {last?.ok && <p>{t('operations.okAt', { when: when(last.at), file: last.file ?? '' })}</p>}
      {last?.warning && <p>{t('operations.warning', { warning: last.warning })}</p>}
      {status.schedule === null ? (
        <p>{t('operations.noSchedule')}</p>
      ) : (
        <dl className="ops-facts">
          <dt>{t('operations.schedule')}</dt>
          <dd>
            <code>{status.schedule}</code>
          </dd>
          <dt>{t('operations.nextRun')}</dt>
          <dd>{status.nextRunAt ? when(status.nextRunAt) : '–'}</dd>
          <dt>{t('operations.lastSuccess')}</dt>
          <dd>{status.lastSuccessAt ? when(status.lastSuccessAt) : t('operations.never')}</dd>
          <dt>{t('operations.keep')}</dt>
          <dd>{status.keep}</dd>
          <dt>{t('operations.dir')}</dt>
          <dd>
            <code>{status.dir}</code>
          </dd>
        </dl>
      )}
      {status.listError && <p className="form__error">{status.listError}</p>}
      {status.schedule !== null &&
        (status.backups.length === 0 ? (
          <p className="muted">{t('operations.noCopies')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="backups-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="backups-caption">{t('operations.copiesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operations.file')}</th>
                  <th scope="col">{t('operations.madeAt')}</th>
                  <th scope="col">{t('operations.size')}</th>
                </tr>
              </thead>
              <tbody>
                {status.backups.map((b) => (
                  <tr key={b.file}>
                    <th scope="row">
                      <code>{b.file}</code>
                    </th>
                    <td>{when(b.at)}</td>
                    <td>{size(b.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

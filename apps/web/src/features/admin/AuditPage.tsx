import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { BackupStatus } from './BackupStatus';
import { adminQueries } from './queries';

const ENTITIES = ['user', 'annotation', 'public_link'] as const;

/** Every write, newest first: who, when, what, before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity');
  const log = useQuery(adminQueries.audit(entity));
  const dateTime = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <>
      <PageTitle page={t('admin.auditTitle')} />
      <div className="page-header">
        <h1>{t('admin.auditTitle')}</h1>
        <p className="lead">{t('admin.auditIntro')}</p>
      </div>
      <BackupStatus />
      <div className="form__field form__field--inline">
        <label htmlFor="audit-entity">{t('admin.auditFilter')}</label>
        <select
          id="audit-entity"
          value={entity ?? ''}
          onChange={(e) => setParams(e.target.value ? { entity: e.target.value } : {})}
        >
          <option value="">{t('admin.auditAll')}</option>
          {ENTITIES.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={log} isEmpty={(rows) => rows.length === 0} emptyMessage={t('admin.auditEmpty')}>
        {(rows) => (
          <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="audit-caption">{t('admin.auditTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.when')}</th>
                  <th scope="col">{t('admin.who')}</th>
                  <th scope="col">{t('admin.what')}</th>
                  <th scope="col">{t('admin.before')}</th>
                  <th scope="col">{t('admin.after')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{dateTime.format(new Date(r.at))}</td>
                    <td>{r.username ?? '–'}</td>
                    <td>
                      {r.action} {r.entity} {r.entityId ?? ''}
                    </td>
                    <td>
                      <code className="audit-json">{r.before === null ? '–' : JSON.stringify(r.before)}</code>
                    </td>
                    <td>
                      <code className="audit-json">{r.after === null ? '–' : JSON.stringify(r.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

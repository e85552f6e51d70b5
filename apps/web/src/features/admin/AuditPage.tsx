import { AUDIT_ENTITIES, formatDateTime, isAuditEntity, type UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { catalogueQueries } from '../catalogue/queries';
import { unitQueries } from '../units/queries';
import { describeAuditEntry, type AuditChange, type AuditNames } from './audit-text';
import { AUDIT_WORDS, type AuditWords } from './audit-words';
import { BackupStatus } from './BackupStatus';
import { adminQueries } from './queries';

function unitNames(roots: readonly UnitTreeNode[], out = new Map<string, string>()): Map<string, string> {
  for (const u of roots) {
    out.set(u.id, u.name);
    unitNames(u.children, out);
  }
  return out;
}

/** The names of units, metrics and principles the log's entries name by code (none while they load). */
function useAuditNames(): AuditNames {
  const { language } = useLanguage();
  const units = useQuery(unitQueries.tree()).data;
  const metrics = useQuery(catalogueQueries.metrics()).data;
  const principles = useQuery(catalogueQueries.principles()).data;
  return useMemo(
    () => ({
      unit: units && unitNames(units),
      metric: metrics && new Map(metrics.map((m) => [m.key, m.name[language]])),
      principle: principles && new Map(principles.map((p) => [p.key, p.name[language]])),
    }),
    [units, metrics, principles, language],
  );
}

/** Every write, newest first: who, when, what was done in words, and each changed field. */
export function AuditPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const words = AUDIT_WORDS[language];
  const [params, setParams] = useSearchParams();
  const requested = params.get('entity');
  const entity = requested !== null && isAuditEntity(requested) ? requested : null;
  const log = useQuery(adminQueries.audit(entity));
  const names = useAuditNames();
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
          onChange={(e) => setParams(e.target.value ? { entity: e.target.value } : {}, { replace: true, preventScrollReset: true })}
        >
          <option value="">{words.filterAll}</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {words.entities[e]}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={log} isEmpty={(rows) => rows.length === 0} emptyMessage={t('admin.auditEmpty')}>
        {(rows) => (
          <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="data-table audit-table">
              <caption id="audit-caption">{t('admin.auditTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.when')}</th>
                  <th scope="col">{t('admin.who')}</th>
                  <th scope="col">{t('admin.what')}</th>
                  <th scope="col">{words.changes}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const text = describeAuditEntry(r, words, language, names);
                  return (
                    <tr key={r.id}>
                      <td className="audit-table__when">
                        <time dateTime={r.at}>{formatDateTime(r.at, language)}</time>
                      </td>
                      <td>{r.username ?? '–'}</td>
                      <th scope="row" className="audit-table__what">
                        {text.sentence}
                      </th>
                      <td>{text.changes.length > 0 ? <ChangeList changes={text.changes} words={words} /> : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

/** One line per changed field: "Mål, högst: 2,5 → 2,2"; the arrow is read as "till". */
function ChangeList({ changes, words }: { changes: readonly AuditChange[]; words: AuditWords }) {
  return (
    <ul className="audit-changes">
      {changes.map((c, i) => (
        <li key={`${i}:${c.field}`}>
          <span className="audit-changes__field">{c.field}:</span>{' '}
          {c.before !== null && c.after !== null ? (
            <>
              {c.before} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {words.to}</span> {c.after}
            </>
          ) : (
            (c.after ?? c.before)
          )}
        </li>
      ))}
    </ul>
  );
}

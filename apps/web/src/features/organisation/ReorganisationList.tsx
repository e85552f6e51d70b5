import { lineageLabel, type ReorganisationResponse } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/charts/DataTable';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { organisationQueries } from './queries';

const names = (list: ReorganisationResponse['from']) => list.map((u) => u.name).join(', ');

/** Every registered reorganisation, newest first. */
export function ReorganisationList() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const list = useQuery(organisationQueries.reorganisations());
  return (
    <section className="section" aria-labelledby="reorganisations-heading">
      <h2 id="reorganisations-heading">{t('organisation.listHeading')}</h2>
      <QueryState query={list} isEmpty={(d) => d.reorganisations.length === 0} emptyMessage={t('organisation.listEmpty')} headingLevel={3} size="compact">
        {(data) => (
          <DataTable
            caption={t('organisation.listCaption')}
            rows={data.reorganisations}
            rowKey={(r) => String(r.id)}
            columns={[
              { key: 'year', header: t('organisation.year'), isRowHeader: true, render: (r) => r.year },
              { key: 'what', header: t('organisation.what'), render: (r) => `${t(`organisation.reorgKinds.${r.kind}`)}: ${lineageLabel(r, language)}` },
              { key: 'before', header: t('organisation.before'), render: (r) => names(r.from) },
              { key: 'after', header: t('organisation.after'), render: (r) => names(r.to) },
              { key: 'note', header: t('organisation.note'), render: (r) => r.note ?? '' },
              { key: 'by', header: t('organisation.by'), render: (r) => r.createdBy ?? '–' },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

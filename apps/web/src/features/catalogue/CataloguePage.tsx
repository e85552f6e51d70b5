import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { MetricEditForm } from './MetricEditForm';
import { NewMetricForm } from './NewMetricForm';
import { catalogueQueries } from './queries';

/** The development manager keeps the metric catalogue: one form per metric, and one to add. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const metrics = useQuery(catalogueQueries.metrics());
  const principles = useQuery(catalogueQueries.principles());
  return (
    <>
      <PageTitle page={t('catalogue.title')} />
      <div className="page-header">
        <h1>{t('catalogue.title')}</h1>
        <p className="lead">{t('catalogue.intro')}</p>
      </div>
      <QueryState query={metrics} loadingLabel={t('catalogue.loading')}>
        {(list) => (
          <>
            <ul className="catalogue-list">
              {list.map((m) => (
                <li key={m.key} className="catalogue-item">
                  <details>
                    <summary>
                      <span className="catalogue-item__name">{m.name[language]}</span>{' '}
                      <span className="catalogue-item__key">
                        {t('catalogue.key')}: <code>{m.key}</code>
                      </span>
                      {(m.englishOutdated?.length ?? 0) > 0 && (
                        <>
                          {' '}
                          <span className="tag tag--translation">{t('translations.badge')}</span>
                        </>
                      )}
                    </summary>
                    <MetricEditForm metric={m} principles={principles.data ?? []} />
                  </details>
                </li>
              ))}
            </ul>
            <section className="section catalogue-add">
              <NewMetricForm nextSortOrder={Math.max(0, ...list.map((m) => m.sortOrder)) + 1} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

import type { Metric } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { catalogueQueries } from '../catalogue/queries';

/** The guiding principles the metric informs; the links are data the catalogue keeps. */
export function MetricPrinciples({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery({
    ...catalogueQueries.principles(),
    select: (principles) =>
      principles
        .filter((p) => metric.principles.includes(p.key) || p.metrics.includes(metric.key))
        .sort((a, b) => a.sortOrder - b.sortOrder),
  });
  return (
    <section className="section" aria-labelledby="principles-heading">
      <h2 id="principles-heading">{t('metric.principlesHeading')}</h2>
      <QueryState
        query={query}
        loadingLabel={t('metric.principlesLoading')}
        isEmpty={(list) => list.length === 0}
        emptyMessage={t('metric.principlesEmpty')}
        headingLevel={3}
        size="compact"
      >
        {(principles) => (
          <ul className="principle-list">
            {principles.map((p) => (
              <li key={p.key}>
                <span className="principle-list__name">{p.name[language]}</span>
                <span className="principle-list__description">{p.description[language]}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

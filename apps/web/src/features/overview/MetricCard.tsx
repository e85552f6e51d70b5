import type { MetricResponse } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Sparkline } from '../../components/charts/Sparkline';
import { Icon } from '../../components/ui/Icon';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { formatWithUnit } from '../metric/metric-text';
import { NotYetTranslated } from '../metric/NotYetTranslated';
import { DATA_NEED_ANCHOR } from '../data-needs/data-need-model';
import { valueQueries } from '../metric/queries';
import { hrefForUnit } from '../units/unit-tree';
import { buildCardModel } from './card-model';
import { MetricFacts } from './MetricFacts';

export function MetricCard({ metric, unitId }: { metric: MetricResponse; unitId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery(valueQueries.series(metric.key, unitId));
  const name = metric.name[language];
  const headingId = `card-${metric.key}`;

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {name}
        <NotYetTranslated metric={metric} field="name" />
      </h2>
      <QueryState query={query} loadingLabel={t('card.loading')} headingLevel={3} size="compact">
        {(data) => {
          const model = buildCardModel(metric, data.points, language, t);
          const shown = model.trend.filter((p) => p.value !== null);
          const first = shown[0];
          const last = shown.at(-1);
          return (
            <div className="card__body">
              <MetricFacts metric={metric} model={model} language={language} />
              {first && last && first !== last && first.value !== null && last.value !== null && (
                <Sparkline
                  points={model.trend}
                  label={t('card.sparkline', {
                    from: first.year,
                    to: last.year,
                    fromValue: formatWithUnit(metric, first.value, language),
                    toValue: formatWithUnit(metric, last.value, language),
                  })}
                />
              )}
            </div>
          );
        }}
      </QueryState>
      <div className="card__prompt">
        <Icon name="question" size={18} />
        <p>
          <Link to={`${hrefForUnit(`/metrics/${metric.key}`, unitId)}#${DATA_NEED_ANCHOR}`} className="card__prompt-link">
            {metric.prompt[language]}
            <NotYetTranslated metric={metric} field="prompt" />
            <span className="visually-hidden">
              {' '}
              ({t('dataNeeds.form.openForm')}: {name})
            </span>
          </Link>
        </p>
      </div>
      <p className="card__more">
        <Link to={hrefForUnit(`/metrics/${metric.key}`, unitId)} className="card__link">
          {t('card.details')}
          <span className="visually-hidden">: {name}</span>
          <Icon name="arrowRight" size={16} />
        </Link>
      </p>
    </article>
  );
}

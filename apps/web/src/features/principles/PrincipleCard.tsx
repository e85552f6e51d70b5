import { formatMetricValue, type Metric, type OverviewMetric, type PrinciplesOverview } from '@tillit/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/ui/Icon';
import { useLanguage } from '../../i18n/useLanguage';
import { directionIcon } from '../catalogue/metric-display';
import { describeTarget } from '../metric/metric-text';
import { hrefForUnit } from '../units/unit-tree';
import { PrincipleEditForm } from './PrincipleEditForm';

type OverviewPrinciple = PrinciplesOverview['principles'][number];

function MetricLine({ metric, unitId, canOpen }: { metric: OverviewMetric; unitId: string; canOpen: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const name = metric.name[language];
  const latest = metric.latest;
  const target = describeTarget(metric, language, t);
  return (
    <li className="principle-metric">
      <span className="principle-metric__name">
        {canOpen ? <Link to={hrefForUnit(`/metrics/${metric.key}`, unitId)}>{name}</Link> : name}
      </span>
      <span className="principle-metric__value">
        {latest === null
          ? t('principles.noData')
          : latest.value === null
            ? t('principles.latestHidden', { year: latest.year })
            : t('principles.latest', { year: latest.year, value: formatMetricValue(metric, latest.value, language) })}
      </span>
      <span className="principle-metric__facts">
        <span className={`tag tag--${metric.direction}`}>
          <Icon name={directionIcon(metric.direction, metric.goodDirection)} size={14} />
          {t(`card.direction.${metric.direction}`)}
        </span>
        {metric.isTargetMet !== null && (
          <span className={`tag ${metric.isTargetMet ? 'tag--improving' : 'tag--worsening'}`}>
            <Icon name={metric.isTargetMet ? 'check' : 'cross'} size={14} />
            {metric.isTargetMet ? t('card.targetMet') : t('card.targetNotMet')}
          </span>
        )}
        {target && <span className="principle-metric__target">{t('card.target', { target })}</span>}
        {metric.publicAnnotationCount > 0 && (
          <span className="principle-metric__notes">{t('principles.annotations', { count: metric.publicAnnotationCount })}</span>
        )}
      </span>
    </li>
  );
}

/** One principle: its description and the metrics that inform it, with an edit form for the development manager. */
export function PrincipleCard({
  principle,
  unitId,
  canOpenMetrics,
  canEdit,
  allMetrics,
}: {
  principle: OverviewPrinciple;
  unitId: string;
  canOpenMetrics: boolean;
  canEdit: boolean;
  allMetrics: readonly Metric[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [isEditing, setIsEditing] = useState(false);
  const name = principle.name[language];
  const headingId = `principle-${principle.key}`;
  return (
    <article className="principle-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p className="principle-card__description">{principle.description[language]}</p>
      {principle.metrics.length === 0 ? (
        <p className="principle-card__empty">{t('principles.noMetrics')}</p>
      ) : (
        <ul className="principle-card__metrics">
          {principle.metrics.map((m) => (
            <MetricLine key={m.key} metric={m} unitId={unitId} canOpen={canOpenMetrics} />
          ))}
        </ul>
      )}
      {canEdit &&
        (isEditing ? (
          <PrincipleEditForm principle={principle} allMetrics={allMetrics} onDone={() => setIsEditing(false)} />
        ) : (
          <button type="button" className="button button--small button--secondary" onClick={() => setIsEditing(true)}>
            {t('principles.edit', { name })}
          </button>
        ))}
    </article>
  );
}

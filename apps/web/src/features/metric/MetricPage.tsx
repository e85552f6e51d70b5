import type { MetricResponse, UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComparisonSection } from '../compare/ComparisonSection';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { Icon } from '../../components/ui/Icon';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { AnnotationsSection } from '../annotations/AnnotationsSection';
import { annotationQueries } from '../annotations/queries';
import { DATA_NEED_ANCHOR } from '../data-needs/data-need-model';
import { DataNeedForm } from '../data-needs/DataNeedForm';
import { catalogueQueries } from '../catalogue/queries';
import { MetricAnalysis } from '../review/MetricAnalysis';
import { SelectedUnit } from '../units/SelectedUnit';
import { UnitPath } from '../units/UnitPath';
import { hrefForUnit } from '../units/unit-tree';
import { MetricDefinition } from './MetricDefinition';
import { MetricPrinciples } from './MetricPrinciples';
import { MetricTrend } from './MetricTrend';
import { NotYetTranslated } from './NotYetTranslated';
import { valueQueries } from './queries';

export function MetricPage() {
  const { key = '' } = useParams();
  return <SelectedUnit>{(unit, path) => <MetricForUnit metricKey={key} unit={unit} path={path} />}</SelectedUnit>;
}

function MetricForUnit({ metricKey, unit, path }: { metricKey: string; unit: UnitTreeNode; path: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const metrics = useQuery(catalogueQueries.metrics());
  return (
    <QueryState query={metrics} loadingLabel={t('metric.loading')}>
      {(list) => {
        const metric = list.find((m) => m.key === metricKey);
        if (metric) return <MetricView metric={metric} unit={unit} path={path} />;
        return (
          <>
            <PageTitle page={t('metric.unknown', { key: metricKey })} />
            <ErrorMessage title={t('metric.unknown', { key: metricKey })} headingLevel={1}>
              <p>
                <Link to={hrefForUnit('/', unit.id)}>{t('metric.back')}</Link>
              </p>
            </ErrorMessage>
          </>
        );
      }}
    </QueryState>
  );
}

/**
 * True from the frame after `ready` first holds: what depends on it is drawn after what is
 * already on the page has been painted.
 */
function useAfterPaint(ready: boolean): boolean {
  const [isLater, setLater] = useState(false);
  useEffect(() => {
    if (!ready || isLater) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLater(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, isLater]);
  return isLater;
}

function MetricView({ metric, unit, path }: { metric: MetricResponse; unit: UnitTreeNode; path: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const values = useQuery(valueQueries.series(metric.key, unit.id));
  // The chart draws the notes' marks; the section below lists them. One query serves both.
  const annotations = useQuery(annotationQueries.threads({ metricKey: metric.key, unitId: unit.id }));
  const name = metric.name[language];
  const showRest = useAfterPaint(values.status !== 'pending');
  return (
    <>
      <PageTitle page={`${name} – ${unit.name}`} />
      <div className="page-header">
        <p className="back-link">
          <Link to={hrefForUnit('/', unit.id)}>
            <Icon name="arrowLeft" size={16} />
            {t('metric.back')}
          </Link>
        </p>
        <UnitPath path={path} />
        <p className="kicker">{t('metric.kicker', { unit: unit.name })}</p>
        <h1>
          {name}
          <NotYetTranslated metric={metric} field="name" />
        </h1>
      </div>
      <section className="section" aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t('metric.trendHeading')}</h2>
        <QueryState query={values} loadingLabel={t('card.loading')} headingLevel={3}>
          {(data) => <MetricTrend metric={metric} unit={unit} points={data.points} annotations={annotations.data} events={data.events} />}
        </QueryState>
      </section>
      {/* The rest after the trend line is drawn: the first chart is what the page is opened for. */}
      {showRest && (
        <>
          <ComparisonSection metric={metric} unit={unit} annotations={annotations.data} />
          <AnnotationsSection
            key={`${metric.key}:${unit.id}`}
            metricKey={metric.key}
            unit={unit}
            path={path}
            chartYears={values.data?.points.map((p) => p.year).sort((a, b) => a - b) ?? []}
          />
          {values.data && (
            <MetricAnalysis key={`${metric.key}:${unit.id}`} metric={{ key: metric.key, name }} unit={unit} points={values.data.points} />
          )}
          <section className="section prompt" id={DATA_NEED_ANCHOR} aria-labelledby="prompt-heading">
            <h2 id="prompt-heading">{t('metric.promptHeading')}</h2>
            <DataNeedForm metric={metric} unitId={unit.id} anchor={DATA_NEED_ANCHOR} />
          </section>
          <MetricDefinition metric={metric} />
          <MetricPrinciples metric={metric} />
        </>
      )}
    </>
  );
}

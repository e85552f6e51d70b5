import { can, defaultReviewYear, reviewYears, type Point } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/QueryState';
import { meQueries } from '../auth/queries';
import { AnalysisEditor } from './AnalysisEditor';
import { analysisQueries } from './queries';

interface MetricAnalysisProps {
  metric: { key: string; name: string };
  unit: { id: string; name: string };
  points: readonly Point[];
}

/**
 * The analysis for the committee on the metric page, for the development manager only: of the
 * unit shown, for a year chosen here (the latest complete year at first), the same text as on
 * the yearly review.
 */
export function MetricAnalysis({ metric, unit, points }: MetricAnalysisProps) {
  const me = useQuery(meQueries.me());
  if (!can(me.data?.role, 'administer')) return null;
  return <MetricAnalysisSection metric={metric} unit={unit} points={points} />;
}

function MetricAnalysisSection({ metric, unit, points }: MetricAnalysisProps) {
  const { t } = useTranslation();
  const id = useId();
  const years = reviewYears([points]);
  const [year, setYear] = useState(() => defaultReviewYear(years, new Date().getFullYear() - 1));
  const analyses = useQuery(analysisQueries.ofYear(unit.id, year));
  return (
    <section className="section metric-analysis" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('analysis.heading')}</h2>
      <p className="analysis-editor__intro">{t('analysis.intro')}</p>
      {years.length > 1 && (
        <div className="field metric-analysis__year">
          <label htmlFor={`${id}-year`}>{t('analysis.yearLabel')}</label>
          <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[...years].reverse().map((y) => (
              <option key={y.year} value={y.year}>
                {y.isComplete ? y.year : t('review.yearIncomplete', { year: y.year })}
              </option>
            ))}
          </select>
        </div>
      )}
      <QueryState query={analyses} headingLevel={3} size="compact">
        {(list) => (
          <AnalysisEditor
            key={`${unit.id}:${metric.key}:${year}`}
            unit={unit}
            metric={metric}
            year={year}
            analysis={list.find((a) => a.metricKey === metric.key) ?? null}
            headingLevel={null}
          />
        )}
      </QueryState>
    </section>
  );
}

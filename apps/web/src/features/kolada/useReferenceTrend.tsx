import { formatMetricValue, type Metric, type ReferenceSeries, type UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/charts/DataTable';
import type { TrendReference } from '../../components/charts/trend-types';
import { useLanguage } from '../../i18n/useLanguage';
import { koladaQueries } from './queries';
import { isReferenceComparable, REFERENCE_DASHES, referenceValues, withReferences, type ReferenceCell } from './reference-rows';

type WithReferences<Row> = Row & { references: (number | null)[]; referenceCells: (ReferenceCell | null)[] };

/** Kolada's `..`: no figure; screen readers hear why. */
function NoFigure({ status }: { status: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">..</span>
      <span className="visually-hidden">{status ?? t('kolada.noFigure')}</span>
    </>
  );
}

/**
 * The municipality-wide reference series (Kolada) for a metric's trend: the rows with the
 * reference values, the dashed lines, a table column per series, and the text that says what
 * the line is. Nothing at all for a unit below the top of the tree, only a sentence on why.
 */
export function useReferenceTrend<Row extends { year: number }>(metric: Metric, unit: UnitTreeNode, rows: readonly Row[]) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery(koladaQueries.referenceSeries(metric.key));
  const all: readonly ReferenceSeries[] = query.data ?? [];
  const isComparable = isReferenceComparable(unit);
  const series = isComparable ? all.slice(0, REFERENCE_DASHES.length) : [];
  const withRefs: WithReferences<Row>[] = withReferences(rows, series, metric.decimals);
  const lines: TrendReference[] = series.map((s, i) => ({ label: t('kolada.legend', { kpi: s.kpi }), dash: REFERENCE_DASHES[i]! }));

  const columns: Column<WithReferences<Row>>[] = series.map((s, i) => ({
    key: `reference-${s.kpi}`,
    header: t('kolada.legend', { kpi: s.kpi }),
    align: 'end',
    render: (r) => {
      const cell = r.referenceCells[i];
      if (!cell) return <NoFigure status={null} />;
      return (
        <>
          {cell.value === null ? <NoFigure status={cell.status} /> : formatMetricValue(metric, cell.value, language)}
          {cell.isSynthetic && (
            <>
              {' '}
              <span className="tag tag--synthetic">{t('kolada.synthetic')}</span>
            </>
          )}
        </>
      );
    },
  }));

  const shown = withRefs.some((r) => r.references.some((v) => v !== null));
  const notes: ReactNode =
    series.length > 0 ? (
      <div className="chart-notes reference-notes">
        {series.map((s) => (
          <p key={s.kpi}>
            {t('kolada.explain', { label: s.label[language] })}{' '}
            <span className="source">
              {t('kolada.source', { source: s.source })}
              {s.sourceUrl && (
                <>
                  {' '}
                  (<a href={s.sourceUrl}>{t('kolada.sourceLink')}</a>)
                </>
              )}
            </span>
            {s.isSynthetic && (
              <>
                {' '}
                <span className="tag tag--synthetic">{t('kolada.synthetic')}</span>
              </>
            )}
          </p>
        ))}
        {!shown && <p>{t('kolada.noYears')}</p>}
      </div>
    ) : !isComparable && all.length > 0 ? (
      <p className="muted reference-notes">{t('kolada.onlyTop', { kpi: all.map((s) => s.kpi).join(', ') })}</p>
    ) : null;

  const summary = series.length > 0 ? t('kolada.chartSummary', { labels: series.map((s) => s.label[language]).join('; ') }) : '';

  return { rows: withRefs, lines, columns, notes, summary, axisValues: referenceValues(withRefs) };
}

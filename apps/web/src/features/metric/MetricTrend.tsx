import { formatMetricValue, type Metric, type Point, type UnitTreeNode } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/charts/DataTable';
import { TrendChart } from '../../components/charts/TrendChart';
import { useLanguage } from '../../i18n/useLanguage';
import { buildCardModel } from '../overview/card-model';
import { MetricFacts } from '../overview/MetricFacts';
import { buildTrendRows, gapRows, hiddenMarkers, yAxisScale, type TrendRow } from './chart-data';
import { describeTrend } from './chart-summary';
import { describeTarget, formatQuantity, quantityDecimals } from './metric-text';

/** A hidden figure reads `..` as in Kolada; screen readers hear the word instead. */
function Withheld({ status }: { status: TrendRow['status'] }) {
  const { t } = useTranslation();
  return status === 'hidden' ? (
    <>
      <span aria-hidden="true">..</span>
      <span className="visually-hidden">{t('suppression.hidden')}</span>
    </>
  ) : (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('suppression.missing')}</span>
    </>
  );
}

/** The latest figure, the chart, why it has gaps, and the table; the section around it is the page's. */
export function MetricTrend({ metric, unit, points }: { metric: Metric; unit: UnitTreeNode; points: readonly Point[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows = buildTrendRows(metric, points, language, t);
  const gaps = gapRows(rows);
  const target = describeTarget(metric, language, t);
  const name = metric.name[language];
  const numeratorDecimals = quantityDecimals(rows.map((r) => r.numerator));
  const denominatorDecimals = quantityDecimals(rows.map((r) => r.denominator));

  const columns: Column<TrendRow>[] = [
    { key: 'year', header: t('metric.column.year'), isRowHeader: true, render: (r) => r.year },
    {
      key: 'value',
      // A ratio's unit goes in the header once, not in every cell.
      header: metric.scale === 'ratio' && metric.unitLabel ? `${t('metric.column.value')} (${metric.unitLabel[language]})` : t('metric.column.value'),
      align: 'end',
      render: (r) => (r.value === null ? <Withheld status={r.status} /> : formatMetricValue(metric, r.value, language)),
    },
    {
      key: 'numerator',
      header: t('metric.column.numerator'),
      align: 'end',
      render: (r) => (r.numerator === null ? <Withheld status={r.status} /> : formatQuantity(r.numerator, language, numeratorDecimals)),
    },
    {
      key: 'denominator',
      header: t('metric.column.denominator'),
      align: 'end',
      render: (r) => (r.denominator === null ? <Withheld status={r.status} /> : formatQuantity(r.denominator, language, denominatorDecimals)),
    },
    {
      key: 'source',
      header: t('metric.column.source'),
      className: 'data-table__source',
      render: (r) => (
        <>
          {r.isSynthetic && r.status !== 'missing' && <span className="tag tag--synthetic">{t('metric.synthetic')}</span>}
          {r.source && <span className="source">{r.source}</span>}
        </>
      ),
    },
    {
      key: 'status',
      header: t('metric.column.status'),
      className: 'data-table__status',
      render: (r) => (r.status === 'shown' ? t('metric.status.shown') : r.note),
    },
  ];

  return (
    <>
      <MetricFacts metric={metric} model={buildCardModel(metric, points, language, t)} language={language} />
      <TrendChart
        rows={rows}
        format={metric}
        scale={yAxisScale(rows, metric.target)}
        target={metric.target}
        targetLabel={target ? `${t('metric.targetLine')}: ${target}` : t('metric.targetLine')}
        markers={hiddenMarkers(rows, t('suppression.hidden'))}
        label={describeTrend(metric, rows, unit.name, language, t)}
        loadingLabel={t('metric.chartLoading')}
        notes={
          gaps.length > 0 && (
            <div className="chart-notes">
              <h3>{t('metric.hiddenHeading')}</h3>
              <p>{t('metric.hiddenIntro')}</p>
              <ul>
                {gaps.map((r) => (
                  <li key={r.year}>
                    <strong>{r.year}:</strong> {r.note}
                  </li>
                ))}
              </ul>
            </div>
          )
        }
        table={{ caption: t('metric.tableCaption', { name, unit: unit.name }), columns }}
      />
    </>
  );
}

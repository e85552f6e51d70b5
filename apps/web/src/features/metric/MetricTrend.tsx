import { formatMetricValue, lineageLabel, targetInYear, targetSpans, type AnnotationThread, type LineageEvent, type Metric, type Point, type UnitTreeNode } from '@tillit/domain';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/charts/DataTable';
import { TrendChart } from '../../components/charts/TrendChart';
import { useLanguage } from '../../i18n/useLanguage';
import { definitionMarks } from '../catalogue/metric-display';
import { catalogueQueries } from '../catalogue/queries';
import { annotationMarks, listNotesBriefly, notesByYear } from '../annotations/annotation-markers';
import { buildCardModel } from '../overview/card-model';
import { MetricFacts } from '../overview/MetricFacts';
import { buildTrendRows, gapRows, hiddenMarkers, incompleteMarkers, yAxisScale, type TrendRow } from './chart-data';
import { describeTrend } from './chart-summary';
import { ExportLinks } from './ExportLinks';
import { eventLabelsByYear, eventMarks, listNames } from './lineage-marks';
import { useReferenceTrend } from '../kolada/useReferenceTrend';
import { describeTarget, formatQuantity, quantityDecimals } from './metric-text';
import { TargetChanges } from './TargetChanges';
import { YearCompleteness } from './YearCompleteness';

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

interface MetricTrendProps {
  metric: Metric;
  unit: UnitTreeNode;
  points: readonly Point[];
  /** The unit's notes on the metric, in list order: numbered marks on the chart, a column in the table. */
  annotations?: readonly AnnotationThread[];
  /** The unit's reorganisations: a labelled marker at each year, a column in the table. */
  events?: readonly LineageEvent[];
}

/** The latest figure, the chart, why it has gaps, and the table; the section around it is the page's. */
export function MetricTrend({ metric, unit, points, annotations = [], events = [] }: MetricTrendProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows = buildTrendRows(metric, points, language, t);
  const gaps = gapRows(rows);
  // Each year is judged by its own target: the line steps where the target changed.
  const spans = targetSpans(metric, rows.map((r) => r.year));
  const lastYear = rows.at(-1)?.year;
  const currentTarget = lastYear === undefined ? metric.target : targetInYear(metric, lastYear);
  const target = describeTarget({ ...metric, target: currentTarget }, language, t);
  const name = metric.name[language];
  const numeratorDecimals = quantityDecimals(rows.map((r) => r.numerator));
  const denominatorDecimals = quantityDecimals(rows.map((r) => r.denominator));
  const noteMarks = annotationMarks(annotations, rows.map((r) => r.year));
  const notesOfYear = notesByYear(annotations);
  const trendLabel = describeTrend(metric, rows, unit.name, language, t);
  // A merger or split changes what the unit is: mark the year, so the trend is read across it.
  const eventsOfYear = eventLabelsByYear(events, language);
  const eventSummary = events.length > 0 ? t('lineage.chartSummary', { list: events.map((e) => `${e.year} ${lineageLabel(e, language)}`).join(', ') }) : '';
  // Where a new definition starts, the trend is not like for like: mark it and say why.
  const versions = useQuery(catalogueQueries.versions(metric.key));
  const definitionChanges = definitionMarks(versions.data ?? []);
  // The whole municipality's published figure (Kolada), as a dashed line at the top of the tree.
  const reference = useReferenceTrend(metric, unit, rows);

  const statusText = (r: TrendRow): string | null => {
    if (r.status !== 'shown' || r.isIncomplete) return r.note;
    const isFinalPartial = r.coverage.isFinal && r.coverage.reported < r.coverage.expected;
    return isFinalPartial ? t('coverage.statusFinal', { ...r.coverage }) : t('metric.status.shown');
  };
  const columns: Column<TrendRow>[] = [
    { key: 'year', header: t('metric.column.year'), isRowHeader: true, render: (r) => r.year },
    {
      key: 'value',
      // A ratio's unit goes in the header once, not in every cell.
      header: metric.scale === 'ratio' && metric.unitLabel ? `${t('metric.column.value')} (${metric.unitLabel[language]})` : t('metric.column.value'),
      align: 'end',
      render: (r) => (r.figure === null ? <Withheld status={r.status} /> : formatMetricValue(metric, r.figure, language)),
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
    // Status before the source: at 1280 px the table fits, and the status is never scrolled out of sight.
    {
      key: 'status',
      header: t('metric.column.status'),
      className: 'data-table__status',
      render: (r) => statusText(r),
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
  ];
  if (events.length > 0) {
    columns.push({ key: 'reorganisation', header: t('lineage.column'), render: (r) => eventsOfYear.get(r.year) ?? '' });
  }
  if (annotations.length > 0) {
    columns.push({ key: 'notes', header: t('annotations.tableColumn'), render: (r) => notesOfYear.get(r.year)?.join(', ') ?? '' });
  }

  return (
    <>
      <MetricFacts metric={metric} model={buildCardModel(metric, points, language, t)} language={language} />
      <TrendChart
        rows={reference.rows}
        references={reference.lines}
        ownLabel={`${name}, ${unit.name}`}
        format={metric}
        scale={yAxisScale([...rows, ...reference.axisValues], currentTarget, ...spans.map((x) => x.target))}
        target={currentTarget}
        // A stepped target line says only "Mål": which target applies when is said beside the chart.
        targetLabel={spans.length > 1 ? t('targetHistory.chartLabel') : target ? `${t('metric.targetLine')}: ${target}` : t('metric.targetLine')}
        targetSteps={spans.length > 1 ? spans.map((x) => ({ year: x.from, target: x.target })) : undefined}
        markers={[...hiddenMarkers(rows, t('suppression.hidden')), ...incompleteMarkers(rows, t)]}
        noteMarks={noteMarks}
        definitionMarks={definitionChanges.map((d) => ({ year: d.year, label: t('catalogue.versions.marker') }))}
        eventMarks={eventMarks(events, rows.map((r) => r.year), language)}
        label={`${annotations.length > 0 ? `${trendLabel} ${t('annotations.chartSummary', { list: listNotesBriefly(annotations) })}` : trendLabel} ${eventSummary} ${reference.summary}`.replace(/\s+/g, ' ').trim()}
        loadingLabel={t('metric.chartLoading')}
        notes={
          <>
            {reference.notes}
            <TargetChanges metric={metric} spans={spans} />
            <YearCompleteness metric={metric} rows={rows} />
            {events.length > 0 && (
              <div className="chart-notes lineage-notes">
                <h3>{t('lineage.heading')}</h3>
                <ul>
                  {events.map((e) => (
                    <li key={e.id}>
                      {t('lineage.item', { year: e.year, label: lineageLabel(e, language), from: listNames(e.from, language), to: listNames(e.to, language) })}{' '}
                      {[...e.from, ...e.to]
                        .filter((u) => u.id !== unit.id && e.kind !== 'move' && e.kind !== 'rename')
                        .map((u, i) => (
                          <span key={u.id}>
                            {i > 0 && ', '}
                            <Link to={`/metrics/${metric.key}?unit=${encodeURIComponent(u.id)}`}>{u.name}</Link>
                          </span>
                        ))}
                      {e.note && <span className="muted"> {e.note}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {definitionChanges.length > 0 && (
              <ul className="chart-legend definition-changes">
                {definitionChanges.map((d) => (
                  <li key={d.year}>
                    {d.note ? t('catalogue.versions.changed', { year: d.year, note: d.note }) : t('catalogue.versions.changedNoNote', { year: d.year })}
                  </li>
                ))}
              </ul>
            )}
            {noteMarks.length > 0 && (
              <p className="chart-legend">
                <span className="note-badge" aria-hidden="true">
                  1
                </span>{' '}
                <a href="#annotations-heading">{t('annotations.chartLegend')}</a>
              </p>
            )}
            {gaps.length > 0 && (
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
            )}
          </>
        }
        table={{ caption: t('metric.tableCaption', { name, unit: unit.name }), columns: [...columns.slice(0, 2), ...reference.columns, ...columns.slice(2)] }}
      />
      <ExportLinks metric={metric} unit={unit} />
    </>
  );
}

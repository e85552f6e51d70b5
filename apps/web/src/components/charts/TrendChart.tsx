import { lazy, Suspense, type ReactNode } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { formatWithUnit, tickFormatter, type ValueFormat } from './chart-format';
import { DataTable, type Column } from './DataTable';
import { TrendLegend } from './TrendLegend';
import type { TrendDatum, TrendMarker, TrendNoteMark, TrendReference, TrendTarget, TrendTargetStep } from './trend-types';

// recharts is the largest library we use; only this chart needs it.
const TrendLineChart = lazy(() => import('./TrendLineChart').then((m) => ({ default: m.TrendLineChart })));

interface TrendChartProps<Row extends TrendDatum> {
  rows: readonly Row[];
  format: ValueFormat;
  scale: { domain: [number, number]; ticks: readonly number[] };
  target: TrendTarget | null;
  targetLabel: string;
  /** When the target changed within the years drawn: each year's own, drawn as a stepped line. */
  targetSteps?: readonly TrendTargetStep[];
  markers: readonly TrendMarker[];
  /** Numbered notes on the chart; their text belongs in `notes` or next to the chart. */
  noteMarks?: readonly TrendNoteMark[];
  /** Years where a new definition of the metric starts: a labelled line at each. */
  definitionMarks?: readonly TrendMarker[];
  /** Reorganisations (a merger: "3 blev 1"): a labelled, dashed line at the year each took effect. */
  eventMarks?: readonly TrendMarker[];
  /** Dashed reference lines (values in each row's `references`), named in a legend beside our own line (`ownLabel`). */
  references?: readonly TrendReference[];
  ownLabel?: string;
  /** The chart in words; screen readers read this instead of the drawing. */
  label: string;
  loadingLabel: string;
  /** Shown between the chart and the table, e.g. why the line has gaps. */
  notes?: ReactNode;
  table: { caption: string; columns: readonly Column<Row>[] };
  height?: number;
}

/**
 * A yearly trend: the drawing (an image to assistive technology, with the trend in words), the
 * notes that explain it, and the same figures as a table, always present for screen readers,
 * keyboards and print.
 */
export function TrendChart<Row extends TrendDatum>({
  rows,
  format,
  scale,
  target,
  targetLabel,
  targetSteps,
  markers,
  noteMarks,
  definitionMarks,
  eventMarks,
  references = [],
  ownLabel = '',
  label,
  loadingLabel,
  notes,
  table,
  height = 320,
}: TrendChartProps<Row>) {
  const { language } = useLanguage();
  return (
    <div className="trend-chart">
      <div className="trend-chart__canvas" role="img" aria-label={label} style={{ height }}>
        <Suspense fallback={<div className="trend-chart__loading">{loadingLabel}</div>}>
          <TrendLineChart
            data={rows}
            domain={scale.domain}
            ticks={scale.ticks}
            target={target}
            targetLabel={targetLabel}
            targetSteps={targetSteps}
            markers={markers}
            noteMarks={noteMarks}
            definitionMarks={definitionMarks}
            eventMarks={eventMarks}
            references={references}
            formatValue={(v) => formatWithUnit(format, v, language)}
            formatTick={tickFormatter(format, scale.ticks, language)}
            height={height}
          />
        </Suspense>
      </div>
      {references.length > 0 && <TrendLegend own={ownLabel} references={references} />}
      {notes}
      <DataTable caption={table.caption} columns={table.columns} rows={rows} rowKey={(r) => String(r.year)} />
    </div>
  );
}

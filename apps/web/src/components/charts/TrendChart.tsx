import { lazy, Suspense, type ReactNode } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { formatWithUnit, tickFormatter, type ValueFormat } from './chart-format';
import { DataTable, type Column } from './DataTable';
import type { TrendDatum, TrendMarker, TrendNoteMark, TrendTarget } from './trend-types';

// recharts is the largest library we use; only this chart needs it.
const TrendLineChart = lazy(() => import('./TrendLineChart').then((m) => ({ default: m.TrendLineChart })));

interface TrendChartProps<Row extends TrendDatum> {
  rows: readonly Row[];
  format: ValueFormat;
  scale: { domain: [number, number]; ticks: readonly number[] };
  target: TrendTarget | null;
  targetLabel: string;
  markers: readonly TrendMarker[];
  /** Numbered notes on the chart; their text belongs in `notes` or next to the chart. */
  noteMarks?: readonly TrendNoteMark[];
  /** Years where a new definition of the metric starts: a labelled line at each. */
  definitionMarks?: readonly TrendMarker[];
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
  markers,
  noteMarks,
  definitionMarks,
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
            markers={markers}
            noteMarks={noteMarks}
            definitionMarks={definitionMarks}
            formatValue={(v) => formatWithUnit(format, v, language)}
            formatTick={tickFormatter(format, scale.ticks, language)}
            height={height}
          />
        </Suspense>
      </div>
      {notes}
      <DataTable caption={table.caption} columns={table.columns} rows={rows} rowKey={(r) => String(r.year)} />
    </div>
  );
}

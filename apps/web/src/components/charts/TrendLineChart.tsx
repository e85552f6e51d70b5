import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_THEME } from './chart-theme';
import { targetLabelPosition } from './trend-layout';
import type { TrendDatum, TrendMarker, TrendNoteMark, TrendReference, TrendTarget } from './trend-types';

export interface TrendLineChartProps {
  data: readonly TrendDatum[];
  domain: [number, number];
  ticks: readonly number[];
  target: TrendTarget | null;
  targetLabel: string;
  markers: readonly TrendMarker[];
  /** Numbered notes: a line at a year, a band over a span. */
  noteMarks?: readonly TrendNoteMark[];
  /** Years where a new definition starts. */
  definitionMarks?: readonly TrendMarker[];
  /** Reorganisations: a dashed line with its label ("3 blev 1") at the year. */
  eventMarks?: readonly TrendMarker[];
  /** Dashed reference lines, drawn from each datum's `references[i]`. */
  references?: readonly TrendReference[];
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  height: number;
}

const AXIS_TICK = { fill: CHART_THEME.axis, fontSize: 13 };

function TargetMark({ target, label, data }: { target: TrendTarget; label: string; data: readonly TrendDatum[] }) {
  if (target.min !== null && target.max !== null) {
    return (
      <ReferenceArea
        y1={target.min}
        y2={target.max}
        fill={CHART_THEME.targetFill}
        fillOpacity={0.7}
        stroke={CHART_THEME.target}
        strokeDasharray="6 4"
        label={{ value: label, position: 'insideTopRight', fill: CHART_THEME.target, fontSize: 13, fontWeight: 600 }}
      />
    );
  }
  const y = target.max ?? target.min;
  if (y === null) return null;
  const position = targetLabelPosition(data, target);
  return (
    <ReferenceLine
      y={y}
      stroke={CHART_THEME.target}
      strokeWidth={2}
      strokeDasharray="6 4"
      label={{ value: label, position, fill: CHART_THEME.target, fontSize: 13, fontWeight: 600 }}
    />
  );
}

/** A note's numbers in a filled badge just inside the top of the plot. */
function noteLabel(text: string) {
  return {
    value: text,
    position: 'insideTop' as const,
    offset: 8,
    fill: '#fff',
    fontSize: 12,
    fontWeight: 700,
    background: { fill: CHART_THEME.note, rx: 9, ry: 9, padding: { x: 6, y: 2 } },
  };
}

function NoteMark({ mark }: { mark: TrendNoteMark }) {
  if (mark.from === mark.to) {
    return (
      <ReferenceLine x={mark.from} className="trend-chart__note" stroke={CHART_THEME.note} strokeWidth={2} label={noteLabel(mark.label)} />
    );
  }
  return (
    <ReferenceArea
      x1={mark.from}
      x2={mark.to}
      className="trend-chart__note"
      fill={CHART_THEME.noteFill}
      fillOpacity={0.8}
      stroke={CHART_THEME.note}
      strokeWidth={1.5}
      label={noteLabel(mark.label)}
    />
  );
}

/**
 * The recharts line chart. Loaded lazily through TrendChart, so recharts stays out of the
 * overview's bundle. A null value breaks the line: hidden years are gaps, never interpolated.
 */
export function TrendLineChart({ data, domain, ticks, target, targetLabel, markers, noteMarks = [], definitionMarks = [], eventMarks = [], references = [], formatValue, formatTick, height }: TrendLineChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={[...data]} margin={{ top: 28, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_THEME.grid} vertical={false} />
        <XAxis dataKey="year" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: CHART_THEME.grid }} padding={{ left: 20, right: 20 }} />
        {/* The domain always covers the values and the target; saying so lets recharts draw the
            axis, the target and the marks also when every year is hidden (no data to measure). */}
        <YAxis
          domain={domain}
          allowDataOverflow
          ticks={[...ticks]}
          tickFormatter={formatTick}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={64}
        />
        {markers.map((m) => (
          <ReferenceLine
            key={m.year}
            x={m.year}
            stroke={CHART_THEME.marker}
            strokeDasharray="2 4"
            label={{ value: m.label, position: 'top', fill: CHART_THEME.axis, fontSize: 12 }}
          />
        ))}
        {noteMarks.map((m) => (
          <NoteMark key={`${m.from}-${m.to}`} mark={m} />
        ))}
        {definitionMarks.map((m) => (
          <ReferenceLine
            key={`definition-${m.year}`}
            x={m.year}
            className="trend-chart__definition"
            stroke={CHART_THEME.axis}
            strokeWidth={1.5}
            label={{ value: m.label, position: 'insideTopLeft', fill: CHART_THEME.axis, fontSize: 12, fontWeight: 600 }}
          />
        ))}
        {eventMarks.map((m) => (
          <ReferenceLine
            key={`event-${m.year}`}
            x={m.year}
            className="trend-chart__event"
            stroke={CHART_THEME.axis}
            strokeWidth={2}
            strokeDasharray="8 3"
            label={{ value: m.label, position: 'insideBottomLeft', fill: CHART_THEME.axis, fontSize: 12, fontWeight: 700 }}
          />
        ))}
        {target && <TargetMark target={target} label={targetLabel} data={data} />}
        <Tooltip
          cursor={{ stroke: CHART_THEME.grid, strokeWidth: 2 }}
          isAnimationActive={false}
          content={({ active, label }) => {
            const row = active ? data.find((d) => String(d.year) === String(label)) : undefined;
            if (!row) return null;
            return (
              <div className="chart-tooltip">
                <div className="chart-tooltip__year">{row.year}</div>
                <div>{row.value === null ? row.note : formatValue(row.value)}</div>
                {references.map((r, i) => {
                  const v = row.references?.[i];
                  return v === undefined || v === null ? null : (
                    <div key={r.label} className="chart-tooltip__reference">
                      {r.label}: {formatValue(v)}
                    </div>
                  );
                })}
              </div>
            );
          }}
        />
        <Line
          type="linear"
          dataKey="value"
          stroke={CHART_THEME.line}
          strokeWidth={2.5}
          dot={{ r: 4, fill: CHART_THEME.line, strokeWidth: 0 }}
          activeDot={{ r: 6, fill: CHART_THEME.line, stroke: '#fff', strokeWidth: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        {references.map((r, i) => (
          <Line
            key={r.label}
            type="linear"
            dataKey={(d: TrendDatum) => d.references?.[i] ?? null}
            name={r.label}
            className="trend-chart__reference"
            stroke={CHART_THEME.reference}
            strokeWidth={2}
            strokeDasharray={r.dash}
            dot={{ r: 3, fill: '#fff', stroke: CHART_THEME.reference, strokeWidth: 1.5 }}
            activeDot={{ r: 5, fill: '#fff', stroke: CHART_THEME.reference, strokeWidth: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

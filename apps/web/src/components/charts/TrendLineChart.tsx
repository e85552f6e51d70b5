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
import type { TrendDatum, TrendMarker, TrendNoteMark, TrendReference, TrendTarget, TrendTargetStep } from './trend-types';

export interface TrendLineChartProps {
  data: readonly TrendDatum[];
  domain: [number, number];
  ticks: readonly number[];
  target: TrendTarget | null;
  targetLabel: string;
  /** Each year's own target, when it changed within the years drawn: a stepped line. */
  targetSteps?: readonly TrendTargetStep[];
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

/** The target in force in a year, from the steps (the latest that starts in or before it). */
function stepTarget(steps: readonly TrendTargetStep[], year: number): TrendTarget | null {
  let best: TrendTargetStep | undefined;
  for (const s of steps) if (s.year <= year && (!best || s.year > best.year)) best = s;
  return best?.target ?? null;
}

/**
 * A target that changed: a dashed line that steps at the year the new one applies from, each
 * year judged by its own. Its label sits at the end, over the target in force now.
 */
function targetStepLines(steps: readonly TrendTargetStep[], label: string, data: readonly TrendDatum[]) {
  // The label goes at the end of the chart where the values are farthest from the target, on the
  // side of the line away from them, so that neither the line nor the earlier step runs through it.
  const shown = data.map((d, i) => ({ d, i })).filter((x) => x.d.value !== null);
  const gap = (x: { d: TrendDatum } | undefined) => {
    const t = x && stepTarget(steps, x.d.year);
    const bound = t?.max ?? t?.min;
    return x && bound != null && x.d.value !== null ? Math.abs(x.d.value - bound) : -1;
  };
  const first = shown[0];
  const last = shown.at(-1);
  const at = gap(first) > gap(last) ? first : last;
  const endLabel = (key: 'min' | 'max') =>
    function StepLabel(props: { x?: number | string; y?: number | string; index?: number }) {
      const { x, y, index } = props;
      const t = at ? stepTarget(steps, at.d.year) : null;
      // One label, on the upper bound's line, or the lower one's when there is no upper.
      const isLabelled = key === 'max' ? t?.max != null : t?.max == null;
      if (!at || index !== at.i || x === undefined || y === undefined || !isLabelled) return null;
      const isDataAbove = at.d.value !== null && at.d.value > (t?.[key] ?? 0);
      const isLeft = at === first && at !== last;
      return (
        <text
          x={Number(x) + (isLeft ? 4 : 0)}
          y={Number(y) + (isDataAbove ? 18 : -8)}
          textAnchor={isLeft ? 'start' : 'end'}
          fill={CHART_THEME.target}
          fontSize={13}
          fontWeight={600}
        >
          {label}
        </text>
      );
    };
  return (['max', 'min'] as const)
    .filter((key) => steps.some((s) => s.target?.[key] != null))
    .map((key) => (
      <Line
        key={`target-${key}`}
        // The step falls between the years, so each year's point sits on its own target.
        type="step"
        dataKey={(d: TrendDatum) => stepTarget(steps, d.year)?.[key] ?? null}
        className="trend-chart__target-step"
        stroke={CHART_THEME.target}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        activeDot={false}
        connectNulls={false}
        isAnimationActive={false}
        legendType="none"
        tooltipType="none"
        label={endLabel(key)}
      />
    ));
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
export function TrendLineChart({ data, domain, ticks, target, targetLabel, targetSteps = [], markers, noteMarks = [], definitionMarks = [], eventMarks = [], references = [], formatValue, formatTick, height }: TrendLineChartProps) {
  const lastYear = data.at(-1)?.year;
  const isStepped = targetSteps.length > 1;
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
            label={{ value: m.label, position: m.year === lastYear ? 'insideTopRight' : 'top', fill: CHART_THEME.axis, fontSize: 12 }}
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
            // In the last year the label goes to the left of the line, or it would be cut off.
            label={{ value: m.label, position: m.year === lastYear ? 'insideTopRight' : 'insideTopLeft', fill: CHART_THEME.axis, fontSize: 12, fontWeight: 600 }}
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
            label={{ value: m.label, position: m.year === lastYear ? 'insideBottomRight' : 'insideBottomLeft', fill: CHART_THEME.axis, fontSize: 12, fontWeight: 700 }}
          />
        ))}
        {isStepped ? targetStepLines(targetSteps, targetLabel, data) : target && <TargetMark target={target} label={targetLabel} data={data} />}
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

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CHART_THEME } from './chart-theme';

/** How a bar stands against the target; the chart says it in a pattern and a word, not colour alone. */
export type ComparisonVerdict = 'met' | 'missed' | 'incomplete' | 'none';

export interface ComparisonBar {
  id: string;
  label: string;
  value: number;
  isFocus: boolean;
  verdict: ComparisonVerdict;
  /** The verdict in words, written after the value ("missar målet"); empty when there is none. */
  verdictText: string;
}

interface Props {
  bars: readonly ComparisonBar[];
  formatValue: (v: number) => string;
  targetLines: readonly { value: number; label: string }[];
  /** The whole the units add up to, drawn as a solid line (explained in the legend beside the chart). */
  referenceValue: number | null;
  /** Round ticks from zero (see `yAxisScale`). */
  axis: { domain: [number, number]; ticks: readonly number[] };
}

/** Fills per verdict: a missed target is striped, an incomplete figure dotted, so print and colour-blind readers see it too. */
const FILL: Record<ComparisonVerdict, string> = {
  met: CHART_THEME.line,
  none: CHART_THEME.line,
  missed: 'url(#bar-missed)',
  incomplete: 'url(#bar-incomplete)',
};
const MISSED = '#a3321f';
const INCOMPLETE = '#6b7580';

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: ComparisonBar;
}

/** A bar; a zero is drawn as a thin mark at zero, so that it reads as zero and not as missing. */
function BarShape({ x = 0, y = 0, width = 0, height = 0, fill, payload }: ShapeProps) {
  const w = Math.max(width, 2);
  const stroke = payload?.verdict === 'missed' ? MISSED : payload?.verdict === 'incomplete' ? INCOMPLETE : CHART_THEME.line;
  return (
    <g className={`comparison-bar comparison-bar--${payload?.verdict ?? 'none'}${payload?.isFocus ? ' comparison-bar--focus' : ''}`}>
      <rect x={x} y={y} width={w} height={height} fill={fill} stroke={stroke} strokeWidth={1} />
      {payload?.isFocus && <rect x={x - 2} y={y - 2} width={w + 4} height={height + 4} fill="none" stroke={CHART_THEME.note} strokeWidth={2} />}
    </g>
  );
}

/** Horizontal bars, one per unit, so that ten or forty names stay readable. */
export function ComparisonBarChart({ bars, formatValue, targetLines, referenceValue, axis }: Props) {
  const label = (v: unknown, i: number): string => {
    const bar = bars[i];
    return bar ? [formatValue(Number(v)), bar.verdictText].filter(Boolean).join(' · ') : formatValue(Number(v));
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars as ComparisonBar[]} layout="vertical" margin={{ top: 24, right: 150, bottom: 8, left: 8 }}>
        <defs>
          <pattern id="bar-missed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={MISSED} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
          <pattern id="bar-incomplete" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="#ffffff" />
            <circle cx="2.5" cy="2.5" r="1.3" fill={INCOMPLETE} />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke={CHART_THEME.grid} />
        <XAxis
          type="number"
          domain={axis.domain}
          ticks={[...axis.ticks]}
          allowDataOverflow
          tickFormatter={(v: number) => formatValue(v)}
          stroke={CHART_THEME.axis}
          tick={{ fill: CHART_THEME.axis, fontSize: 12 }}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={220}
          stroke={CHART_THEME.axis}
          tick={{ fill: CHART_THEME.axis, fontSize: 12 }}
          interval={0}
        />
        {/* The lines first, so that the bars' labels are written over them, not crossed out. */}
        {targetLines.map((t) => (
          <ReferenceLine
            key={t.label}
            x={t.value}
            stroke={CHART_THEME.target}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: t.label, position: 'top', fill: CHART_THEME.target, fontSize: 12 }}
          />
        ))}
        {referenceValue !== null && <ReferenceLine x={referenceValue} stroke={CHART_THEME.axis} strokeWidth={2} />}
        <Bar dataKey="value" isAnimationActive={false} barSize={16} shape={<BarShape />}>
          {bars.map((b) => (
            <Cell key={b.id} fill={FILL[b.verdict]} />
          ))}
          <LabelList
            dataKey="value"
            content={(p) => {
              const x = Number(p.x ?? 0) + Math.max(Number(p.width ?? 0), 2) + 6;
              const y = Number(p.y ?? 0) + Number(p.height ?? 0) / 2;
              return (
                // A white halo keeps the label readable where a target or reference line crosses it.
                <text
                  x={x}
                  y={y}
                  dominantBaseline="central"
                  fill={CHART_THEME.axis}
                  stroke="#ffffff"
                  strokeWidth={4}
                  paintOrder="stroke"
                  fontSize={12}
                  className="comparison-bar__label"
                >
                  {label(p.value, Number(p.index ?? 0))}
                </text>
              );
            }}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

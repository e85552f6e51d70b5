import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CHART_THEME } from './chart-theme';

export interface ComparisonBar {
  id: string;
  label: string;
  value: number;
  isFocus: boolean;
}

interface Props {
  bars: readonly ComparisonBar[];
  formatValue: (v: number) => string;
  targetLines: readonly { value: number; label: string }[];
  /** The whole the units add up to, drawn as a solid line (explained in the legend beside the chart). */
  referenceValue: number | null;
}

/** Horizontal bars, one per unit, so that ten or forty names stay readable. */
export function ComparisonBarChart({ bars, formatValue, targetLines, referenceValue }: Props) {
  const max = Math.max(0, ...bars.map((b) => b.value), ...targetLines.map((t) => t.value), referenceValue ?? 0);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars as ComparisonBar[]} layout="vertical" margin={{ top: 24, right: 72, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={CHART_THEME.grid} />
        <XAxis
          type="number"
          domain={[0, Math.ceil(max * 1.1)]}
          tickFormatter={(v: number) => formatValue(v)}
          stroke={CHART_THEME.axis}
          tick={{ fill: CHART_THEME.axis, fontSize: 12 }}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={210}
          stroke={CHART_THEME.axis}
          tick={{ fill: CHART_THEME.axis, fontSize: 12 }}
          interval={0}
        />
        <Bar dataKey="value" isAnimationActive={false} barSize={16}>
          {bars.map((b) => (
            <Cell key={b.id} fill={b.isFocus ? CHART_THEME.note : CHART_THEME.line} />
          ))}
          <LabelList dataKey="value" position="right" formatter={(v: unknown) => formatValue(Number(v))} fill={CHART_THEME.axis} fontSize={12} />
        </Bar>
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
      </BarChart>
    </ResponsiveContainer>
  );
}

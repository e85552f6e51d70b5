import { sparklineGeometry, type SparkPoint } from './sparkline';
import { CHART_THEME } from './chart-theme';

interface SparklineProps {
  points: readonly SparkPoint[];
  /** What the line shows, for screen readers. */
  label: string;
  width?: number;
  height?: number;
}

/** A tiny trend line in plain SVG: the overview shows six of them and needs no chart library. */
export function Sparkline({ points, label, width = 132, height = 36 }: SparklineProps) {
  const { paths, dots, last } = sparklineGeometry(points, width, height, 4);
  if (last === null) return null;
  return (
    <svg className="sparkline" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      {paths.map((d) => (
        <path key={d} d={d} fill="none" stroke={CHART_THEME.line} strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
      ))}
      {dots.map((p) => (
        <circle key={`${p.x}-${p.y}`} cx={p.x} cy={p.y} r={2} fill={CHART_THEME.line} />
      ))}
      <circle cx={last.x} cy={last.y} r={3.5} fill="#fff" stroke={CHART_THEME.line} strokeWidth={2} />
    </svg>
  );
}

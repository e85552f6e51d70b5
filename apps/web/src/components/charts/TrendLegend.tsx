import { CHART_THEME } from './chart-theme';
import type { TrendReference } from './trend-types';

/** A short line sample as drawn in the chart, so the legend is read by its dash, not its colour. */
function Swatch({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg className="trend-legend__swatch" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="35" y2="6" stroke={color} strokeWidth={dash ? 2 : 2.5} strokeDasharray={dash} />
    </svg>
  );
}

/** The chart's lines named: our own figure (solid) and each reference series (dashed). */
export function TrendLegend({ own, references }: { own: string; references: readonly TrendReference[] }) {
  return (
    <ul className="chart-legend trend-legend">
      <li>
        <Swatch color={CHART_THEME.line} /> {own}
      </li>
      {references.map((r) => (
        <li key={r.label}>
          <Swatch color={CHART_THEME.reference} dash={r.dash} /> {r.label}
        </li>
      ))}
    </ul>
  );
}

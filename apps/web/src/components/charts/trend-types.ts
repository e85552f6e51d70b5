/** One year of a trend as the chart wrappers draw it; shaping happens in the features. */
export interface TrendDatum {
  year: number;
  /** Null draws a gap: the year is hidden or has no data. */
  value: number | null;
  /** Shown instead of a value in the tooltip, e.g. why the year is hidden. */
  note: string | null;
  /** Reference series' values for the year (e.g. the whole municipality's, from Kolada), by series. */
  references?: readonly (number | null)[];
}

/** A reference series drawn as a dashed line: its legend label and its dash pattern. */
export interface TrendReference {
  label: string;
  dash: string;
}

export interface TrendMarker {
  year: number;
  label: string;
}

export interface TrendTarget {
  min: number | null;
  max: number | null;
}

/** A target that changed over the years: the one in force from `year` on (null: none). */
export interface TrendTargetStep {
  year: number;
  target: TrendTarget | null;
}

/**
 * A numbered note on the chart: one year (`from === to`) draws a line, a span of years a band.
 * The label is the notes' numbers, e.g. "1" or "2, 3", matching the list beside the chart.
 */
export interface TrendNoteMark {
  from: number;
  to: number;
  label: string;
}

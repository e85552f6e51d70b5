export interface SparkPoint {
  year: number;
  value: number | null;
}

export interface SparklineGeometry {
  /** One SVG path per unbroken run of values; a missing or hidden year breaks the line. */
  paths: string[];
  /** Values with no neighbour on either side, drawn as dots since they have no line. */
  dots: { x: number; y: number }[];
  /** The latest value, marked so the eye finds "now". */
  last: { x: number; y: number } | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Geometry of a small trend line in a `width` × `height` box; years are placed by their number. */
export function sparklineGeometry(points: readonly SparkPoint[], width: number, height: number, pad = 3): SparklineGeometry {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const values = sorted.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (sorted.length === 0 || values.length === 0) return { paths: [], dots: [], last: null };
  const firstYear = sorted[0]!.year;
  const yearSpan = sorted.at(-1)!.year - firstYear;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (year: number) => round(yearSpan === 0 ? width / 2 : pad + ((year - firstYear) / yearSpan) * (width - 2 * pad));
  // A flat series sits in the middle rather than on an edge.
  const y = (value: number) => round(max === min ? height / 2 : pad + ((max - value) / (max - min)) * (height - 2 * pad));

  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of sorted) {
    if (p.value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push({ x: x(p.year), y: y(p.value) });
    }
  }
  if (run.length > 0) runs.push(run);

  const lastShown = [...sorted].reverse().find((p) => p.value !== null);
  return {
    paths: runs.filter((r) => r.length > 1).map((r) => r.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')),
    dots: runs.filter((r) => r.length === 1).map((r) => r[0]!),
    last: lastShown && lastShown.value !== null ? { x: x(lastShown.year), y: y(lastShown.value) } : null,
  };
}

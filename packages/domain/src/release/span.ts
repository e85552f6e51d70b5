/**
 * Exact linear algebra over the sums a reader knows: which sums of unknown figures follow from
 * them. Each known sum is a row of 0s and 1s over the unknowns; integer (fraction-free)
 * elimination keeps it exact, whatever the sizes.
 */
export interface Span {
  /** The rank: how many independent sums are known. */
  rank: number;
  /** Whether a sum over these columns follows from the known ones. */
  contains(columns: readonly number[]): boolean;
  /**
   * Every non-empty set of columns whose plain sum follows from the known ones (each a list of
   * column indices), or null when there are more than 2^`maxRank` to try.
   */
  determinedSets(maxRank?: number): number[][] | null;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** The span of `rows` (each the list of columns that are 1) over `width` columns. */
export function spanOf(rows: readonly (readonly number[])[], width: number): Span {
  const matrix: bigint[][] = rows.map((r) => {
    const row = new Array<bigint>(width).fill(0n);
    for (const c of r) row[c] = 1n;
    return row;
  });
  const pivots: { row: bigint[]; column: number }[] = [];
  let remaining = matrix;
  for (let col = 0; col < width && remaining.length > 0; col++) {
    const index = remaining.findIndex((r) => r[col] !== 0n);
    if (index < 0) continue;
    const pivot = remaining[index]!;
    remaining = remaining.filter((_, i) => i !== index).map((r) => eliminate(r, pivot, col));
    for (const p of pivots) p.row = eliminate(p.row, pivot, col);
    pivots.push({ row: pivot, column: col });
  }
  // Scale every row to a common multiple of the pivots, so that a combination with 0/1 weights
  // on the pivots is an integer vector: entry j of Σ c_i·row_i/p_i, times `lcm`.
  let lcm = 1n;
  for (const p of pivots) {
    const v = p.row[p.column]!;
    const abs = v < 0n ? -v : v;
    lcm = (lcm / gcd(lcm, abs)) * abs;
  }
  const scaled = pivots.map((p) => p.row.map((x) => (x * lcm) / p.row[p.column]!));
  const pivotColumns = pivots.map((p) => p.column);

  const combination = (weights: readonly bigint[]): bigint[] => {
    const out = new Array<bigint>(width).fill(0n);
    weights.forEach((w, i) => {
      if (w === 0n) return;
      const row = scaled[i]!;
      for (let j = 0; j < width; j++) out[j] = out[j]! + w * row[j]!;
    });
    return out;
  };

  return {
    rank: pivots.length,
    contains(columns) {
      const target = new Array<bigint>(width).fill(0n);
      for (const c of columns) target[c] = lcm;
      const got = combination(pivotColumns.map((c) => (target[c] === lcm ? 1n : 0n)));
      return got.every((x, j) => x === target[j]);
    },
    determinedSets(maxRank = 16) {
      if (pivots.length > maxRank) return null;
      const out: number[][] = [];
      const sums = new Array<bigint>(width).fill(0n);
      const weights = new Array<number>(pivots.length).fill(0);
      // Walk every 0/1 weighting of the pivots in Gray-code order: one row added or taken per step.
      for (let step = 1; step < 2 ** pivots.length; step++) {
        const flip = Math.log2(step & -step);
        const sign = weights[flip] === 0 ? 1n : -1n;
        weights[flip] = 1 - weights[flip]!;
        const row = scaled[flip]!;
        for (let j = 0; j < width; j++) sums[j] = sums[j]! + sign * row[j]!;
        if (sums.every((x) => x === 0n || x === lcm)) {
          const set: number[] = [];
          sums.forEach((x, j) => {
            if (x === lcm) set.push(j);
          });
          out.push(set);
        }
      }
      return out;
    },
  };
}

/** `row` with column `col` cleared by the pivot row, reduced by its common divisor. */
function eliminate(row: bigint[], pivot: readonly bigint[], col: number): bigint[] {
  const q = row[col]!;
  if (q === 0n) return row;
  const p = pivot[col]!;
  const out = row.map((x, j) => p * x - q * pivot[j]!);
  let g = 0n;
  for (const x of out) g = gcd(g, x);
  return g > 1n ? out.map((x) => x / g) : out;
}

/** A small seeded generator (mulberry32): the same seed gives the same demo data everywhere. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Spreads a whole number over slots in proportion to weights, with seeded noise, never giving a
 * slot more than its cap. The parts add up to the total exactly.
 */
export function spreadInteger(
  total: number,
  weights: readonly number[],
  caps: readonly number[],
  random: () => number,
): number[] {
  const parts = weights.map(() => 0);
  for (let i = 0; i < total; i++) {
    const open = weights.map((w, j) => (parts[j]! < caps[j]! ? w : 0));
    const sum = open.reduce((a, b) => a + b, 0);
    if (sum <= 0) throw new Error(`Cannot spread ${total} over caps ${caps.join(',')}`);
    let r = random() * sum;
    let j = 0;
    while (j < open.length - 1 && r >= open[j]!) r -= open[j++]!;
    parts[j]!++;
  }
  return parts;
}

/** Splits a whole number in proportion to weights by largest remainder; the parts add up exactly. */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

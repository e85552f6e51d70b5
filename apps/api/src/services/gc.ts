import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection now. Building a metric's figures on 2,000 units allocates tens of
 * megabytes that outlive V8's young generation, so six builds in a row (the start) grow the heap
 * to several times what is kept; collecting after each keeps the peak near one build's worth
 * (docs/benchmarks.md, memory). V8 offers this only as `gc()` under `--expose-gc`, which a
 * running process can switch on for a fresh context (the way test runners measure leaks).
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      gc = typeof found === 'function' ? () => void found() : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. By its own
 * measure V8 allows two to four times that before collecting again: building a metric's figures
 * on 2,000 units (about 1.5 GB allocated, most of it short-lived) then took the server from
 * 100 MB to 280 MB at its peak, though never more than 60 MB was live. At 20 % the peak stays
 * near 230 MB for about a tenth more time building (docs/benchmarks.md, memory).
 */
export const HEAP_GROWING_PERCENT = 20;

/** Keeps the heap close to what is live (see `HEAP_GROWING_PERCENT`); for the server's start. */
export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

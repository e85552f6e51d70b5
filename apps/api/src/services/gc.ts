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

/** Timing, heap and statistics helpers shared by the scenarios. */

/** Run configuration: full or `--quick`. */
export interface Config {
  quick: boolean;
  /** Repetitions of each scenario (subjects interleaved, order rotated each time). */
  reps: number;
  /** Most wall time one slow subject may spend on the timed part of one repetition. */
  budgetMs: number;
}

export function configFrom(argv: readonly string[]): Config {
  const quick = argv.includes('--quick');
  return { quick, reps: quick ? 2 : 3, budgetMs: quick ? 600 : 1500 };
}

export function median(xs: ArrayLike<number>): number {
  const a = Array.from(xs).sort((x, y) => x - y);
  if (a.length === 0) return NaN;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

export function percentile(xs: ArrayLike<number>, p: number): number {
  const a = Array.from(xs).sort((x, y) => x - y);
  if (a.length === 0) return NaN;
  return a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))];
}

/** Per-event timing of `fn(i)` for i < n, stopping early once `budgetMs` of wall time is spent. */
export function timeEvents(
  n: number,
  budgetMs: number,
  fn: (i: number) => void,
): { times: Float64Array; done: number; wallMs: number } {
  const times = new Float64Array(n);
  const start = performance.now();
  let done = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    const t1 = performance.now();
    times[i] = t1 - t0;
    done++;
    if (t1 - start > budgetMs) break;
  }
  return { times: times.subarray(0, done), done, wallMs: performance.now() - start };
}

const gcFn = (globalThis as { gc?: () => void }).gc;

/** True when node runs with --expose-gc, so heap figures mean something. */
export const canMeasureHeap = typeof gcFn === 'function';

/** Full GC, then heapUsed in bytes (NaN without --expose-gc). */
export function heapAfterGc(): number {
  if (!gcFn) return NaN;
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed;
}

/** A collection between measurements so that one subject's garbage is not billed to the next. */
export function settle(): void {
  if (gcFn) gcFn();
}

/** Deterministic spread of event i over n targets (a fixed permutation, not round robin). */
export function spread(i: number, n: number): number {
  return (i * 7919) % n;
}

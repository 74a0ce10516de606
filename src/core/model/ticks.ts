/**
 * Progress while checking. The steps after reading run without pausing (millions of people), so
 * each long loop says how far it is every few thousand items; the engine turns that into a share
 * of the whole checking, and its own throttle decides what reaches the page.
 */
export type Tick = (done: number, total: number) => void;

/** Every how many items a loop ticks (a power of two minus one, for `(i & TICK_EVERY) === 0`). */
export const TICK_EVERY = 4095;

export const NO_TICK: Tick = () => {};

/** Splits the checking into steps of the given weights; each step() gives the next step's Tick. */
export function steps(report: (share: number) => void, weights: readonly number[]): () => Tick {
  const total = weights.reduce((a, b) => a + b, 0);
  let next = 0;
  let from = 0;
  return () => {
    const start = from;
    const weight = weights[next++] ?? 0;
    from += weight;
    return (done, count) =>
      report((start + (count > 0 ? weight * Math.min(1, done / count) : weight)) / total);
  };
}

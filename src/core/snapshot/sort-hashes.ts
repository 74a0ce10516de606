/** Sorting salted 64-bit hashes (snapshot.ts) faster than the built-in sort, as they are uniform. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Word positions of the high and low halves of a 64-bit number in a Uint32Array view. */
export const HIGH = LITTLE_ENDIAN ? 1 : 0;
export const LOW = 1 - HIGH;

/** A bucket longer than this (only repeated IDs or chosen inputs make one) goes to the built-in sort. */
const INSERTION_LIMIT = 32;

/**
 * Sorts 64-bit hashes in place like `BigUint64Array.prototype.sort`, in about half its time:
 * salted hashes are uniform, so one counting pass on their top bits spreads them into buckets of a
 * few each, and a short insertion sort finishes every bucket.
 */
export function sortHashes(list: BigUint64Array): void {
  const n = list.length;
  if (n < 2) return;
  // About one bucket per number, at most 65 536.
  const bits = Math.min(16, 32 - Math.clz32(n - 1));
  const shift = 32 - bits;
  const words = new Uint32Array(list.buffer, list.byteOffset, 2 * n);
  const starts = new Int32Array((1 << bits) + 1);
  for (let i = 0; i < n; i++) starts[(words[2 * i + HIGH] >>> shift) + 1]++;
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const sorted = new BigUint64Array(n);
  const out = new Uint32Array(sorted.buffer);
  const next = starts.slice(0, -1);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + HIGH];
    const at = 2 * next[high >>> shift]++;
    out[at + HIGH] = high;
    out[at + LOW] = words[2 * i + LOW];
  }
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b];
    const to = starts[b + 1];
    if (to - from > INSERTION_LIMIT) sorted.subarray(from, to).sort();
    else if (to - from > 1) insertionSort(out, from, to);
  }
  list.set(sorted);
}

/** Sorts the numbers from…to-1 of `words` (pairs of 32-bit halves). */
function insertionSort(words: Uint32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const high = words[2 * i + HIGH];
    const low = words[2 * i + LOW];
    let j = i - 1;
    for (; j >= from; j--) {
      const h = words[2 * j + HIGH];
      if (h < high || (h === high && words[2 * j + LOW] <= low)) break;
      words[2 * j + 2 + HIGH] = h;
      words[2 * j + 2 + LOW] = words[2 * j + LOW];
    }
    words[2 * j + 2 + HIGH] = high;
    words[2 * j + 2 + LOW] = low;
  }
}

/**
 * The texts a roster keeps (IDs, names, emails, phones, birth dates), packed into a few large
 * strings. Two and a half million people each with half a dozen small strings would cost far more
 * in string headers and pointers than in characters, keep the whole file alive through substrings of
 * its chunks, and give the garbage collector millions of objects to trace. Here a text is a number:
 * texts are numbered in the order they are added, every block of 4096 is joined into one string,
 * and a text is a start offset into its block.
 */
import { Int32Pages } from './pages.ts';

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;

/** FNV-1a's offset basis as a 32-bit signed integer (0x811c9dc5 would make the hash a float). */
export const FNV_BASIS = -2128831035;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, with a final mix: the hash every text index uses. */
export function hashText(text: string): number {
  return hashAt(text, 0, text.length);
}

/** The same hash of `source` from `start` to `end`, without cutting it out. */
export function hashAt(source: string, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), FNV_PRIME);
  return mix(h);
}

/** murmur3's final mix: spreads the bits of a 32-bit hash. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Text 0 is the empty text. */
export const NO_TEXT = 0;

export class Texts {
  private readonly blocks: string[] = [];
  /** Texts of the block being filled, not joined yet. */
  private open: string[] = [''];
  /** Start of each text in its block. */
  private readonly starts = new Int32Pages(1);
  private count = 1;

  /** Stores a text; returns its number ('' is always NO_TEXT). */
  add(value: string): number {
    if (value.length === 0) return NO_TEXT;
    const n = this.count++;
    this.open.push(value);
    if (this.open.length === BLOCK) this.close();
    return n;
  }

  private close(): void {
    const first = this.blocks.length << BLOCK_BITS;
    this.starts.reserve(first + BLOCK - 1);
    let at = 0;
    for (let k = 0; k < this.open.length; k++) {
      this.starts.set(first + k, 0, at);
      at += this.open[k].length;
    }
    // join copies the characters into one new string, so no text keeps its file chunk alive.
    this.blocks.push(this.open.join(''));
    this.open = [];
  }

  get(n: number): string {
    const block = n >>> BLOCK_BITS;
    if (block === this.blocks.length) return this.open[n & (BLOCK - 1)];
    const text = this.blocks[block];
    const start = this.starts.get(n, 0);
    const end = (n & (BLOCK - 1)) === BLOCK - 1 ? text.length : this.starts.get(n + 1, 0);
    return text.substring(start, end);
  }

  length(n: number): number {
    const block = n >>> BLOCK_BITS;
    if (block === this.blocks.length) return this.open[n & (BLOCK - 1)].length;
    const end = (n & (BLOCK - 1)) === BLOCK - 1 ? this.blocks[block].length : this.starts.get(n + 1, 0);
    return end - this.starts.get(n, 0);
  }

  /** The string holding text n (with others): read it from offset(n) for length(n) characters. */
  source(n: number): string {
    const block = n >>> BLOCK_BITS;
    return block === this.blocks.length ? this.open[n & (BLOCK - 1)] : this.blocks[block];
  }

  offset(n: number): number {
    return n >>> BLOCK_BITS === this.blocks.length ? 0 : this.starts.get(n, 0);
  }

  /** Whether text n is `source` from `start` to `end`, compared in place. */
  equalsAt(n: number, source: string, start: number, end: number): boolean {
    const length = end - start;
    if (this.length(n) !== length) return false;
    const text = this.source(n);
    const from = this.offset(n);
    for (let k = 0; k < length; k++)
      if (text.charCodeAt(from + k) !== source.charCodeAt(start + k)) return false;
    return true;
  }

  /** Whether text n is exactly `value`, without building a string. */
  equals(n: number, value: string): boolean {
    const block = n >>> BLOCK_BITS;
    if (block === this.blocks.length) return this.open[n & (BLOCK - 1)] === value;
    return this.length(n) === value.length && this.blocks[block].startsWith(value, this.starts.get(n, 0));
  }
}

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

/** FNV-1a over UTF-16 code units, with a final mix: the hash every text index uses. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** The same hash with ASCII letters lower-cased (emails compare that way). */
export function hashLowerAscii(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
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

  /** Whether text n is exactly `value`, without building a string. */
  equals(n: number, value: string): boolean {
    const block = n >>> BLOCK_BITS;
    if (block === this.blocks.length) return this.open[n & (BLOCK - 1)] === value;
    return this.length(n) === value.length && this.blocks[block].startsWith(value, this.starts.get(n, 0));
  }
}

/**
 * A number (a person's index) by ID, for millions of IDs: an open-addressing hash table of 32-bit
 * numbers instead of a Map holding a string key and an entry per ID. The table keeps only the
 * numbers; their owner keeps each one's hash and ID text and says whether an ID matches.
 */
import { hashAt, hashText } from './texts.ts';

export interface Keyed {
  hashOf(value: number): number;
  matches(value: number, id: string): boolean;
  /** Whether the ID is `source` from `start` to `end`. */
  matchesAt(value: number, source: string, start: number, end: number): boolean;
}

export class IdIndex {
  /** value + 1 per slot (0: empty). */
  private slots = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;
  private size = 0;

  constructor(private readonly keyed: Keyed) {}

  /** The number of this ID, or -1; `hash` is hashText(id) when the caller has it already. */
  find(id: string, hash = hashText(id)): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) return -1;
      const value = entry - 1;
      if (this.keyed.hashOf(value) === hash && this.keyed.matches(value, id)) return value;
    }
  }

  /** The number of the ID that is `source` from `start` to `end`, or -1 (no string is built). */
  findAt(source: string, start: number, end: number): number {
    const hash = hashAt(source, start, end);
    const slots = this.slots;
    const mask = this.mask;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) return -1;
      const value = entry - 1;
      if (this.keyed.hashOf(value) === hash && this.keyed.matchesAt(value, source, start, end)) return value;
    }
  }

  /** Adds a number whose ID (with this hash) is not in the index yet. */
  add(value: number, hash: number): void {
    this.size++;
    if (this.size * 3 > this.slots.length * 2) this.rehash();
    this.place(value, hash);
  }

  private place(value: number, hash: number): void {
    let s = hash & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = value + 1;
  }

  private rehash(): void {
    const old = this.slots;
    // Four times larger: a table of millions is re-placed a few times, not twenty.
    this.slots = new Int32Array(old.length * 4);
    this.mask = this.slots.length - 1;
    for (const entry of old) if (entry !== 0) this.place(entry - 1, this.keyed.hashOf(entry - 1));
  }
}

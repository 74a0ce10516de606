/**
 * A number (a person's index) by ID, for millions of IDs: an open-addressing hash table of 32-bit
 * numbers instead of a Map holding a string key and an entry per ID. Each slot keeps the number
 * and its ID's hash side by side, so probing stays in one stretch of memory; the owner keeps the
 * ID texts and says whether an ID matches.
 */
import { hashAt, hashText } from './texts.ts';

export interface Keyed {
  matches(value: number, id: string): boolean;
  /** Whether the ID is `source` from `start` to `end`. */
  matchesAt(value: number, source: string, start: number, end: number): boolean;
}

export class IdIndex {
  /** Per slot: value + 1 (0: empty), then the hash. */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private size = 0;
  /** The ID last looked up and its hash: adding it right after (a new person) hashes it once. */
  private lastId = '';
  private lastHash = 0;

  constructor(private readonly keyed: Keyed) {}

  /** hashText(id), remembered for the last ID. */
  hash(id: string): number {
    if (id !== this.lastId) {
      this.lastId = id;
      this.lastHash = hashText(id);
    }
    return this.lastHash;
  }

  /** The number of this ID, or -1. */
  find(id: string, hash = this.hash(id)): number {
    const slots = this.slots;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s];
      if (entry === 0) return -1;
      if (slots[2 * s + 1] === hash && this.keyed.matches(entry - 1, id)) return entry - 1;
    }
  }

  /** The number of the ID that is `source` from `start` to `end`, or -1 (no string is built). */
  findAt(source: string, start: number, end: number): number {
    const hash = hashAt(source, start, end);
    const slots = this.slots;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s];
      if (entry === 0) return -1;
      if (slots[2 * s + 1] === hash && this.keyed.matchesAt(entry - 1, source, start, end)) return entry - 1;
    }
  }

  /** Gives `id` (with this hash) the number `value`, unless the ID has one: then returns that, else -1. */
  insert(id: string, hash: number, value: number): number {
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const entry = this.slots[2 * s];
      if (entry === 0) {
        this.slots[2 * s] = value + 1;
        this.slots[2 * s + 1] = hash;
        if (++this.size * 5 > (this.mask + 1) * 3) this.grow();
        return -1;
      }
      if (this.slots[2 * s + 1] === hash && this.keyed.matches(entry - 1, id)) return entry - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k] === 0) continue;
      let s = old[k + 1] & this.mask;
      while (this.slots[2 * s] !== 0) s = (s + 1) & this.mask;
      this.slots[2 * s] = old[k];
      this.slots[2 * s + 1] = old[k + 1];
    }
  }
}

/**
 * A number (a person's index) by ID, for millions of IDs: an open-addressing hash table of 32-bit
 * numbers over the IDs kept in Texts, instead of a Map holding a string key and an entry per ID.
 */
import { hashText, type Texts } from './texts.ts';

export class IdIndex {
  /** Record number + 1 per slot (0: empty). */
  private slots = new Int32Array(1024);
  private mask = 1023;
  /** Per entry, in the order added: the hash and the text of its ID, and its number. */
  private hashes = new Int32Array(512);
  private refs = new Int32Array(512);
  private values = new Int32Array(512);
  private size = 0;

  constructor(private readonly texts: Texts) {}

  get count(): number {
    return this.size;
  }

  /** The number of this ID, or -1. */
  find(id: string): number {
    const entry = this.entryOf(id, hashText(id));
    return entry < 0 ? -1 : this.values[entry];
  }

  private entryOf(id: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) return -1;
      const e = entry - 1;
      if (this.hashes[e] === hash && this.texts.equals(this.refs[e], id)) return e;
    }
  }

  /** Whether the ID is taken. */
  has(id: string): boolean {
    return this.entryOf(id, hashText(id)) >= 0;
  }

  /** Gives `id` (kept as text `ref`) the number `value`; false when the ID is taken already. */
  add(id: string, ref: number, value: number): boolean {
    const hash = hashText(id);
    if (this.entryOf(id, hash) >= 0) return false;
    const e = this.size++;
    if (e === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.refs = grown(this.refs);
      this.values = grown(this.values);
    }
    this.hashes[e] = hash;
    this.refs[e] = ref;
    this.values[e] = value;
    if (this.size * 3 > this.slots.length * 2) this.rehash();
    else this.place(e, hash);
    return true;
  }

  private place(e: number, hash: number): void {
    let s = hash & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.size; e++) this.place(e, this.hashes[e]);
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

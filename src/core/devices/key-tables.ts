/**
 * Device keys numbered 0, 1, 2… so that the same address or phone gets the same number whoever
 * writes it: open-addressing hash tables over typed arrays (a district has millions of devices;
 * a Map would hold a key string and an entry object for each).
 */
import { mix, type Texts } from '../model/texts.ts';

const EMPTY = -1;

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Valid emails (ASCII, trimmed, as kept in Texts) compared lower-cased: rules.md §3. */
export class EmailKeys {
  private slots = new Int32Array(1024).fill(EMPTY);
  private mask = 1023;
  private hashes = new Int32Array(512);
  private refs = new Int32Array(512);
  count = 0;

  constructor(private readonly texts: Texts) {}

  /** The key number of the email that is text `ref`. */
  keyOf(ref: number): number {
    const texts = this.texts;
    const source = texts.source(ref);
    const start = texts.offset(ref);
    const length = texts.length(ref);
    let h = 0x811c9dc5;
    for (let i = start; i < start + length; i++) h = Math.imul(h ^ lower(source.charCodeAt(i)), 0x01000193);
    h = mix(h);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const key = this.slots[s];
      if (key === EMPTY) return this.add(s, h, ref);
      if (this.hashes[key] === h && this.sameLowered(this.refs[key], source, start, length)) return key;
    }
  }

  private sameLowered(ref: number, source: string, start: number, length: number): boolean {
    const texts = this.texts;
    if (texts.length(ref) !== length) return false;
    const other = texts.source(ref);
    const from = texts.offset(ref);
    for (let i = 0; i < length; i++) {
      if (lower(other.charCodeAt(from + i)) !== lower(source.charCodeAt(start + i))) return false;
    }
    return true;
  }

  private add(slot: number, hash: number, ref: number): number {
    const key = this.count++;
    if (key === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.refs = grown(this.refs);
    }
    this.hashes[key] = hash;
    this.refs[key] = ref;
    this.slots[slot] = key;
    if (this.count * 3 > this.slots.length * 2) {
      this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
      this.mask = this.slots.length - 1;
      for (let k = 0; k < this.count; k++) place(this.slots, this.mask, this.hashes[k], k);
    }
    return key;
  }
}

/** Supported phones by their E.164 digits as a number. */
export class PhoneKeys {
  private slots = new Int32Array(1024).fill(EMPTY);
  private mask = 1023;
  private numbers = new Float64Array(512);
  count = 0;

  /** The key number of a phone. */
  keyOf(number: number): number {
    for (let s = phoneHash(number) & this.mask; ; s = (s + 1) & this.mask) {
      const key = this.slots[s];
      if (key === EMPTY) return this.add(s, number);
      if (this.numbers[key] === number) return key;
    }
  }

  private add(slot: number, number: number): number {
    const key = this.count++;
    if (key === this.numbers.length) {
      const numbers = new Float64Array(key * 2);
      numbers.set(this.numbers);
      this.numbers = numbers;
    }
    this.numbers[key] = number;
    this.slots[slot] = key;
    if (this.count * 3 > this.slots.length * 2) {
      this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
      this.mask = this.slots.length - 1;
      for (let k = 0; k < this.count; k++) place(this.slots, this.mask, phoneHash(this.numbers[k]), k);
    }
    return key;
  }
}

function phoneHash(number: number): number {
  return mix((number >>> 0) ^ Math.imul(Math.floor(number / 4294967296), 0x9e3779b1));
}

function place(slots: Int32Array, mask: number, hash: number, value: number): void {
  let s = hash & mask;
  while (slots[s] !== EMPTY) s = (s + 1) & mask;
  slots[s] = value;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

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
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly refs: Int32Array;
  count = 0;

  /** `capacity`: how many emails there are at most (the table never grows). */
  constructor(
    private readonly texts: Texts,
    capacity: number,
  ) {
    this.slots = new Int32Array(tableSize(capacity)).fill(EMPTY);
    this.mask = this.slots.length - 1;
    this.hashes = new Int32Array(capacity);
    this.refs = new Int32Array(capacity);
  }

  /** The key number of the email that is text `ref`; `h`: its `validEmailHash`. */
  keyOf(ref: number, h: number): number {
    const texts = this.texts;
    const source = texts.source(ref);
    const start = texts.offset(ref);
    const length = texts.length(ref);
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
    this.hashes[key] = hash;
    this.refs[key] = ref;
    this.slots[slot] = key;
    return key;
  }
}

/** Supported phones by their E.164 digits as a number. */
export class PhoneKeys {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly numbers: Float64Array;
  count = 0;

  /** `capacity`: how many phones there are at most (the table never grows). */
  constructor(capacity: number) {
    this.slots = new Int32Array(tableSize(capacity)).fill(EMPTY);
    this.mask = this.slots.length - 1;
    this.numbers = new Float64Array(capacity);
  }

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
    this.numbers[key] = number;
    this.slots[slot] = key;
    return key;
  }
}

function phoneHash(number: number): number {
  return mix((number >>> 0) ^ Math.imul(Math.floor(number / 4294967296), 0x9e3779b1));
}

/** A power of two with room to spare (at most two thirds full). */
function tableSize(capacity: number): number {
  let size = 16;
  while (size * 2 < capacity * 3) size *= 2;
  return size;
}

/**
 * Reading a history export without holding it as one string: a browser cannot make a string of
 * more than about 512 MB, and an export of a few large runs is bigger. The bytes are scanned as
 * they come (JSON's structural characters are ASCII, never part of a UTF-8 sequence); each member
 * of the top-level object is handed out as its own bytes, except one array member (`runs`), whose
 * elements are handed out one by one. Each piece is then decoded and parsed on its own.
 */

export type Piece =
  | { kind: 'member'; key: string; text: string }
  /** The array member opens (its elements follow). */
  | { kind: 'array'; key: string }
  | { kind: 'element'; index: number; text: string }
  /** An element (or member) longer than the limit: skipped, only its size is known. */
  | { kind: 'too-large'; key: string; index: number; bytes: number };

export class JsonShapeError extends Error {
  override name = 'JsonShapeError';
}

const BOM = [0xef, 0xbb, 0xbf];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export class JsonSplitter {
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** Inside the top object: waiting for a key, reading a key, or in a value. */
  #phase: 'key' | 'value' = 'key';
  #key: number[] = [];
  #readingKey = false;
  #currentKey = '';
  #captured: Uint8Array[] | null = null;
  #capturedBytes = 0;
  /** False while an element of a first pass is only counted. */
  #keeping = true;
  #elements = 0;
  #inArray = false;
  #done = false;
  #started = false;
  /** Bytes of a UTF-8 byte order mark seen at the start. */
  #bom = 0;
  #seen = 0;

  constructor(
    /** The member whose array elements come one by one. */
    private readonly arrayKey: string,
    /** Longest piece that is decoded; a longer one is reported as too large. */
    private readonly maxPieceBytes: number,
    /** Only count the array's elements (index only, empty text): for a first pass over the members. */
    private readonly skipElements = false,
  ) {}

  /** Scans the next bytes; returns the pieces they completed, in order. */
  push(bytes: Uint8Array): Piece[] {
    const out: Piece[] = [];
    let i = 0;
    let from = this.#captured ? i : -1; // where capturing started in this chunk
    const start = (at: number) => {
      this.#keeping = true;
      this.#captured = [];
      this.#capturedBytes = 0;
      from = at;
    };
    const keep = (end: number) => {
      if (this.#captured && from >= 0 && end > from) {
        this.#capturedBytes += end - from;
        if (this.#keeping && this.#capturedBytes <= this.maxPieceBytes)
          this.#captured.push(bytes.subarray(from, end));
        else this.#captured.length = 0;
      }
      from = -1;
    };
    const finish = (end: number) => {
      keep(end);
      const pieces = this.#captured!;
      this.#captured = null;
      const inArray = this.#inArray;
      if (!this.#keeping) return out.push({ kind: 'element', index: this.#elements++, text: '' });
      if (this.#capturedBytes > this.maxPieceBytes)
        return out.push({
          kind: 'too-large',
          key: this.#currentKey,
          index: inArray ? this.#elements++ : -1,
          bytes: this.#capturedBytes,
        });
      const text = decode(pieces);
      if (inArray) out.push({ kind: 'element', index: this.#elements++, text });
      else out.push({ kind: 'member', key: this.#currentKey, text });
    };
    for (; i < bytes.length; i++) {
      const b = bytes[i];
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (b === BACKSLASH) this.#escaped = true;
        else if (b === QUOTE) {
          this.#inString = false;
          if (this.#readingKey) {
            this.#readingKey = false;
            this.#currentKey = keyText(this.#key);
          }
          continue;
        }
        if (this.#readingKey) this.#key.push(b);
        continue;
      }
      if (!this.#started && this.#bom < 3 && b === BOM[this.#bom] && this.#bom === this.#seen) {
        this.#bom++;
        this.#seen++;
        continue;
      }
      this.#seen++;
      if (isSpace(b)) continue;
      if (this.#done) throw new JsonShapeError('there is more after the end of the export');
      if (!this.#started) {
        if (b !== 0x7b) throw new JsonShapeError('it does not start with a JSON object');
        this.#started = true;
        this.#depth = 1;
        continue;
      }
      const streamed = this.#currentKey === this.arrayKey;
      if (this.#depth === 1 && this.#phase === 'key') {
        if (b === QUOTE) {
          this.#inString = this.#readingKey = true;
          this.#key = [];
        } else if (b === 0x3a) this.#phase = 'value';
        else if (b === 0x7d)
          this.#end(); // "}"
        else if (b !== 0x2c) throw new JsonShapeError('a key of the top-level object is not text');
        continue;
      }
      // In a value of the top object (depth 1), or deeper.
      if (this.#depth === 1 && this.#captured === null && !this.#inArray) {
        if (streamed && b === 0x5b) {
          out.push({ kind: 'array', key: this.arrayKey });
          this.#inArray = true;
          this.#depth = 2;
          continue;
        }
        start(i);
      } else if (this.#depth === 2 && this.#inArray && this.#captured === null) {
        if (b === 0x5d) {
          this.#inArray = false;
          this.#depth = 1;
          this.#phase = 'key';
          continue;
        }
        if (b === 0x2c) continue;
        start(i);
        if (this.skipElements) this.#keeping = false;
      }
      const closesPiece =
        (this.#depth === 1 && !this.#inArray && (b === 0x2c || b === 0x7d)) ||
        (this.#depth === 2 && this.#inArray && (b === 0x2c || b === 0x5d));
      if (closesPiece) {
        finish(i);
        if (this.#inArray) {
          if (b === 0x5d) {
            this.#inArray = false;
            this.#depth = 1;
            this.#phase = 'key';
          }
        } else {
          this.#phase = 'key';
          if (b === 0x7d) this.#end();
        }
        continue;
      }
      if (b === QUOTE) this.#inString = true;
      else if (b === 0x7b || b === 0x5b) this.#depth++;
      else if (b === 0x7d || b === 0x5d) this.#depth--;
    }
    if (this.#captured) keep(bytes.length);
    return out;
  }

  #end(): void {
    this.#depth = 0;
    this.#done = true;
  }

  /** After the last bytes: throws when the object was not closed. */
  end(): void {
    if (!this.#started) throw new JsonShapeError('it is empty');
    if (!this.#done) throw new JsonShapeError('it ends before the export does');
  }
}

function decode(pieces: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for (const p of pieces) text += decoder.decode(p, { stream: true });
  return text + decoder.decode();
}

function keyText(bytes: number[]): string {
  try {
    return JSON.parse(`"${decode([Uint8Array.from(bytes)])}"`) as string;
  } catch {
    throw new JsonShapeError('a key of the top-level object is not valid');
  }
}

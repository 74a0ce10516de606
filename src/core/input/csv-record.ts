/**
 * One CSV record as the reader hands it out. It is reused for every record, so read its cells
 * during the `row` callback only. Cells are kept as boundaries in the text they came from (inside
 * its quotes for a quoted cell): a cell becomes a string only when someone asks for it, a quoted
 * cell with doubled quotes too (its length is known without it: a 50 MB cell of `""` is only
 * measured and reported too long, unless someone reads it).
 */
import type { QuoteProblem } from './csv-quoted.ts';

const QUOTE = 34;

/**
 * The work of every CSV reader so far, counted in characters, so that tests bound the work and not
 * the time: text pushed in, text handed to the parser (a re-parse of an open record per chunk would
 * make it grow with the square of the input), and cells with doubled quotes made into strings.
 */
export const csvWork = { pushed: 0, parsed: 0, unescaped: 0 };

/**
 * Cells kept per record. A row of more is only counted (`count`): 200 MB of commas is one row of
 * 200 million cells, whose boundaries alone took gigabytes.
 */
export const MAX_CELLS = 65536;

export class CsvRecord {
  /** Spreadsheet row number (the header is row 1). */
  row = 0;
  /** Number of cells kept (at most MAX_CELLS): the cells that can be read. */
  length = 0;
  /** Number of cells in the record, kept or not. */
  count = 0;
  text = '';
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Whether a cell holds doubled quotes (`""`, one `"` in its value); then `pairs` counts them per cell. */
  doubled = false;
  pairs = new Int32Array(64);
  /** Values of cells with doubled quotes, made when first asked for (set to null for each record). */
  unescaped: (string | undefined)[] | null = null;
  /** What was wrong with the record's quotes (set by the reader). */
  problem: QuoteProblem | null = null;
  /**
   * For a record that ends inside a quote never closed (its last cell runs to the end of the text):
   * the lines that cell took in after the one it opens on, else -1. Set with `problem` (read it only
   * when that is set: a record without quotes does not reset it).
   */
  openLines = -1;
  /** The cell found by plainCell(). */
  at = 0;
  end = 0;

  /** Makes room for `n` cell boundaries. */
  reserve(n: number): void {
    if (n <= this.starts.length) return;
    const size = Math.max(n, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const pairs = new Int32Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    pairs.set(this.pairs);
    this.starts = starts;
    this.ends = ends;
    this.pairs = pairs;
  }

  /** Whether the cell holds doubled quotes (so its value is not the text between its boundaries). */
  private hasPairs(i: number): boolean {
    return this.doubled && this.pairs[i] > 0;
  }

  /** The value of a cell with doubled quotes, else undefined. */
  private special(i: number): string | undefined {
    if (!this.hasPairs(i)) return undefined;
    const made = (this.unescaped ??= []);
    return (made[i] ??= unescapeQuotes(this.text, this.starts[i], this.ends[i]));
  }

  /** The cell as written (quotes removed), '' past the last cell. */
  cell(i: number): string {
    if (i >= this.length) return '';
    return this.special(i) ?? this.text.slice(this.starts[i], this.ends[i]);
  }

  /** The cell without surrounding white space (String.prototype.trim), '' past the last cell. */
  trimmed(i: number): string {
    if (i >= this.length) return '';
    const special = this.special(i);
    if (special !== undefined) return special.trim();
    const s = this.starts[i];
    const e = this.ends[i];
    if (s === e) return '';
    const t = this.text;
    const a = t.charCodeAt(s);
    const b = t.charCodeAt(e - 1);
    // Printable ASCII at both ends needs no trimming (the usual case, so skip trim's copy).
    if (a > 32 && a < 127 && b > 32 && b < 127) return t.slice(s, e);
    return t.slice(s, e).trim();
  }

  /**
   * Where the cell is in `text` when it needs no trimming (printable ASCII at both ends): sets
   * `at` and `end` and returns true; false for an empty or padded cell, or one with doubled quotes.
   */
  plainCell(i: number): boolean {
    if (i >= this.length || this.special(i) !== undefined) return false;
    const s = this.starts[i];
    const e = this.ends[i];
    if (s === e) return false;
    const a = this.text.charCodeAt(s);
    const b = this.text.charCodeAt(e - 1);
    if (a <= 32 || a >= 127 || b <= 32 || b >= 127) return false;
    this.at = s;
    this.end = e;
    return true;
  }

  /** Whether the cell is exactly `value`, compared in place. */
  cellIs(i: number, value: string): boolean {
    if (i >= this.length) return false;
    const special = this.special(i);
    if (special !== undefined) return special === value;
    const s = this.starts[i];
    const n = value.length;
    if (this.ends[i] - s !== n) return false;
    const t = this.text;
    for (let k = 0; k < n; k++) if (t.charCodeAt(s + k) !== value.charCodeAt(k)) return false;
    return true;
  }

  /** Whether the trimmed cell, lower-cased, is `lower` (compared in place when the cell is plain ASCII). */
  cellIsLowerCase(i: number, lower: string): boolean {
    if (i >= this.length) return lower === '';
    if (this.special(i) === undefined) {
      const s = this.starts[i];
      const e = this.ends[i];
      const t = this.text;
      const a = t.charCodeAt(s);
      const b = t.charCodeAt(e - 1);
      if (a > 32 && a < 127 && b > 32 && b < 127) {
        // Nothing to trim: a cell of another length differs, whatever lower-casing does to it.
        if (e - s !== lower.length) return false;
        for (let k = 0; k < lower.length; k++) {
          let c = t.charCodeAt(s + k);
          if (c >= 128) return this.trimmed(i).toLowerCase() === lower;
          if (c >= 65 && c <= 90) c += 32;
          if (c !== lower.charCodeAt(k)) return false;
        }
        return true;
      }
    }
    return this.trimmed(i).toLowerCase() === lower;
  }

  /** Length of the cell in UTF-16 units. */
  cellLength(i: number): number {
    return this.ends[i] - this.starts[i] - (this.hasPairs(i) ? this.pairs[i] : 0);
  }

  /**
   * Every cell is empty after trimming (a blank line, or a row of commas). A row of more cells than
   * are kept is not: what its uncounted cells hold is not known (and so many commas are no blank line).
   */
  blank(): boolean {
    if (this.count > this.length) return false;
    for (let i = 0; i < this.length; i++) {
      // A cell with doubled quotes has a quote in its value.
      if (this.hasPairs(i) || !blankSpan(this.text, this.starts[i], this.ends[i])) return false;
    }
    return true;
  }

  /** The cells as an array (the header row, tests). */
  cells(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.cell(i));
    return out;
  }
}

function blankSpan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c > 32 && c < 127) return false;
    return text.slice(i, end).trim() === '';
  }
  return true;
}

const UNESCAPE_BLOCK = 8192;
const unescapeBuffer = new Uint16Array(UNESCAPE_BLOCK);

/**
 * The text from `from` to `to` with each `""` made `"`, as papaparse's replace(/""/g, '"') (leftmost
 * pairs first), in linear time and memory: the regular expression took seconds and a gigabyte on a
 * 50 MB cell of them. Characters are copied in blocks (fromCharCode keeps lone surrogates as they are).
 */
export function unescapeQuotes(text: string, from: number, to: number): string {
  csvWork.unescaped += to - from;
  const buffer = unescapeBuffer;
  const blocks: string[] = [];
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    buffer[n++] = c;
    if (c === QUOTE && i + 1 < to && text.charCodeAt(i + 1) === QUOTE) i++;
    if (n === UNESCAPE_BLOCK) {
      blocks.push(fromCharCodes(buffer));
      n = 0;
    }
  }
  blocks.push(fromCharCodes(buffer.subarray(0, n)));
  return blocks.length === 1 ? blocks[0] : blocks.join('');
}

const fromCharCodes = (codes: Uint16Array): string =>
  String.fromCharCode.apply(null, codes as unknown as number[]);

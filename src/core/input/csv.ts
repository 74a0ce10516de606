/**
 * Streaming CSV reading: text in, records out, with spreadsheet row numbers (header = row 1).
 *
 * Records are parsed exactly as papaparse parses them (header: false, "," and "\n"; the reader used
 * papaparse itself until it had to keep up with a district of a gigabyte), but without building an
 * array of strings per row: a record without quotes is only a list of cell boundaries in the text
 * (found with indexOf), and a cell becomes a string when the adapter asks for it. Records with a
 * quote take papaparse's careful path (csv-quoted.ts). Around that:
 * - line endings are normalised to LF first, so CRLF, bare CR (old Mac exports) and a mix all work;
 * - text is fed in growing pieces while a record stays incomplete, so a 50 MB quoted cell is parsed
 *   in linear time instead of being re-parsed for every chunk;
 * - a quote character inside an unquoted cell is reported ("stray"), which papaparse accepts silently.
 */
import { parseQuotedRecord, type QuoteProblem } from './csv-quoted.ts';
import { CsvRecord, csvWork, MAX_CELLS } from './csv-record.ts';

export type { QuoteProblem } from './csv-quoted.ts';
export { CsvRecord, csvWork, MAX_CELLS } from './csv-record.ts';

export const MAX_CELL_CHARS = 65536;
const MIN_FEED_CHARS = 1 << 16;
/** An open record this long is looked at for cells to drop (compactTail). */
const COMPACT_CHARS = 1 << 20;

export interface CsvEvents {
  /** The record is reused: read its cells during the call. */
  row(record: CsvRecord): void;
  /** `openLines`: for a record that ends inside a quote never closed, the lines its open cell took in after the one it opens on (else -1). */
  quoteProblem(row: number, kind: QuoteProblem, openLines: number): void;
  cellTooLong(row: number, column: number, length: number): void;
}

export class CsvReader {
  private nextRow = 1;
  /** The start of a record that has not ended yet. */
  private tail = '';
  private buffered: string[] = [];
  private bufferedChars = 0;
  private endedWithCR = false;
  /** Cells of the open record that were counted and dropped (compactTail). */
  private droppedCells = 0;
  private readonly record = new CsvRecord();

  /** `minFeedChars`: how much text to gather before parsing (smaller only in tests, to vary chunking). */
  constructor(
    private readonly events: CsvEvents,
    private readonly minFeedChars = MIN_FEED_CHARS,
  ) {}

  /** Rows parsed so far, header included. */
  get rowsSeen(): number {
    return this.nextRow - 1;
  }

  /**
   * The row number of the record that the next text pushed starts or continues (parses what was
   * pushed so far; call it rarely, e.g. once when a file turns out not to be UTF-8).
   */
  nextRecordRow(): number {
    this.flush();
    return this.nextRow;
  }

  push(text: string): void {
    if (this.endedWithCR && text.startsWith('\n')) {
      text = text.slice(1);
      this.endedWithCR = false;
    }
    if (text.length === 0) return;
    csvWork.pushed += text.length;
    this.endedWithCR = text.endsWith('\r');
    if (text.indexOf('\r') !== -1) {
      text = text.replaceAll('\r\n', '\n');
      if (text.indexOf('\r') !== -1) text = text.replaceAll('\r', '\n');
    }
    this.buffered.push(text);
    this.bufferedChars += text.length;
    // While a record is still open, wait until there is at least as much new text as old:
    // the parse work then grows linearly with the size of the record.
    if (this.bufferedChars >= Math.max(this.minFeedChars, this.tail.length)) this.flush();
  }

  end(): void {
    this.flush();
    if (this.tail.length > 0) this.parse(this.tail, true);
    this.tail = '';
  }

  private flush(): void {
    if (this.bufferedChars === 0) return;
    if (this.finishTailApart()) return;
    // join, not +: a concatenated (cons) string makes every indexOf in the parse loop slow.
    if (this.tail.length > 0) this.buffered.unshift(this.tail);
    const text = this.buffered.length === 1 ? this.buffered[0] : this.buffered.join('');
    this.buffered = [];
    this.bufferedChars = 0;
    this.tail = text.slice(this.parse(text, false));
    this.compactTail();
  }

  /**
   * A plain record still open, with more cells than are kept (a line of 200 MB of commas): the cells
   * past the kept ones are only counted, so their text is dropped as it comes instead of being held
   * until the line ends. A record with a quote is left alone (its cells are not plain).
   */
  private compactTail(): void {
    const tail = this.tail;
    if (tail.length < COMPACT_CHARS || tail.indexOf('"') !== -1) return;
    let kept = -1;
    for (let n = 0; n < MAX_CELLS; n++) {
      kept = tail.indexOf(',', kept + 1);
      if (kept === -1) return;
    }
    const last = tail.lastIndexOf(',');
    // Worth it only when most of the text goes.
    if (last === kept || kept > tail.length / 2) return;
    let dropped = 0;
    for (let c = tail.indexOf(',', kept + 1); c !== -1 && c <= last; c = tail.indexOf(',', c + 1)) dropped++;
    this.droppedCells += dropped;
    this.tail = tail.slice(0, kept + 1) + tail.slice(last + 1);
  }

  /**
   * The usual case: one new chunk, whose first line ends a plain record begun in the text before.
   * That record is parsed on its own and the chunk where it is, since joining the two would copy
   * every chunk of the file once more.
   */
  private finishTailApart(): boolean {
    const tail = this.tail;
    if (tail.length === 0 || this.buffered.length !== 1) return false;
    const chunk = this.buffered[0];
    const lineEnd = chunk.indexOf('\n');
    if (lineEnd === -1 || tail.indexOf('"') !== -1 || chunk.lastIndexOf('"', lineEnd) !== -1) return false;
    this.buffered = [];
    this.bufferedChars = 0;
    this.parse(tail + chunk.slice(0, lineEnd + 1), false);
    this.tail = chunk.slice(this.parse(chunk, false, lineEnd + 1));
    this.compactTail();
    return true;
  }

  /**
   * Hands on every record that ends within `text` from `from` (all of them when `final`); returns
   * where the rest starts.
   */
  private parse(text: string, final: boolean, from = 0): number {
    const len = text.length;
    csvWork.parsed += len - from;
    const record = this.record;
    record.text = text;
    let pos = from;
    let quote = firstQuote(text);
    let comma = text.indexOf(',', from);
    while (pos < len) {
      let lineEnd = text.indexOf('\n', pos);
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || (lineEnd !== -1 && quote > lineEnd)) {
        if (lineEnd === -1) {
          if (!final) break;
          lineEnd = len;
        }
        // A plain record: cells end at commas up to the line break.
        if (comma !== -1 && comma < pos) comma = text.indexOf(',', pos);
        let n = 0;
        let start = pos;
        while (comma !== -1 && comma < lineEnd) {
          if (n < MAX_CELLS) {
            if (n + 1 >= record.starts.length) record.reserve(n + 2);
            record.starts[n] = start;
            record.ends[n] = comma;
          }
          n++;
          start = comma + 1;
          comma = text.indexOf(',', start);
        }
        if (n < MAX_CELLS) {
          record.starts[n] = start;
          record.ends[n] = lineEnd;
        }
        n++;
        record.length = Math.min(n, MAX_CELLS);
        record.count = n;
        record.doubled = false;
        record.problem = null;
        pos = lineEnd + 1;
      } else {
        const next = parseQuotedRecord(text, pos, final, record);
        if (next < 0) break;
        pos = next;
      }
      this.emit(record);
    }
    return Math.min(pos, len);
  }

  private emit(record: CsvRecord): void {
    const row = this.nextRow++;
    record.row = row;
    // The record whose text was compacted is the next one to end.
    record.count += this.droppedCells;
    this.droppedCells = 0;
    if (record.problem !== null) this.events.quoteProblem(row, record.problem, record.openLines);
    for (let c = 0; c < record.length; c++) {
      const length = record.cellLength(c);
      if (length > MAX_CELL_CHARS) this.events.cellTooLong(row, c, length);
    }
    this.events.row(record);
  }
}

/**
 * The first quote in a whole chunk. A function of its own on purpose: inlined into the parse loop,
 * V8 (Node 20) ran this one long search about a hundred times slower.
 */
function firstQuote(text: string): number {
  return text.indexOf('"');
}

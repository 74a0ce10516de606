/**
 * Streaming CSV reading: text in, records out, with spreadsheet row numbers (header = row 1).
 *
 * papaparse does the parsing (header: false; we check the header ourselves) through its stream
 * input and `chunk` callback. Around it we add what it does not give us:
 * - line endings normalised to LF first, so CRLF, bare CR (old Mac exports) and a mix all work;
 * - text fed in growing pieces while a record stays incomplete, so a 50 MB quoted cell is parsed
 *   in linear time instead of being re-parsed for every chunk;
 * - detection of quote characters inside unquoted cells, which papaparse silently accepts.
 */
import Papa from 'papaparse';
import { strayQuoteRows } from './stray-quotes.ts';

export const MAX_CELL_CHARS = 65536;
const MIN_FEED_CHARS = 1 << 18;

export type QuoteProblem = 'stray' | 'unterminated' | 'malformed';

export interface CsvEvents {
  row(cells: string[], row: number): void;
  quoteProblem(row: number, kind: QuoteProblem): void;
  cellTooLong(row: number, column: number, length: number): void;
}

/** Just enough of a Node readable stream for papaparse's ReadableStreamStreamer. */
class TextFeed {
  readonly readable = true;
  private readonly handlers = new Map<string, (arg?: unknown) => void>();
  read(): void {}
  pause(): void {}
  resume(): void {}
  on(event: string, fn: (arg?: unknown) => void): void {
    this.handlers.set(event, fn);
  }
  removeListener(event: string): void {
    this.handlers.delete(event);
  }
  emit(event: string, arg?: unknown): void {
    this.handlers.get(event)?.(arg);
  }
}

export class CsvReader {
  private readonly feed = new TextFeed();
  private nextRow = 1;
  /** Text handed to papaparse whose records have not come back yet (for the stray-quote scan). */
  private pending = '';
  private pendingHasQuote = false;
  private buffered: string[] = [];
  private bufferedChars = 0;
  private endedWithCR = false;
  private failure: unknown = null;

  /** `minFeedChars`: how much text to gather before parsing (smaller only in tests, to vary chunking). */
  constructor(
    private readonly events: CsvEvents,
    private readonly minFeedChars = MIN_FEED_CHARS,
  ) {
    // papaparse streams any object that looks like a Node readable stream; its types only know real ones.
    const parse = Papa.parse as unknown as (
      input: TextFeed,
      config: Papa.ParseLocalConfig<string[], TextFeed>,
    ) => void;
    parse(this.feed, {
      header: false,
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      skipEmptyLines: false,
      chunk: (results: Papa.ParseResult<string[]>) => this.onChunk(results),
      complete: () => {},
      error: (error: unknown) => {
        this.failure = error;
      },
    });
  }

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
    this.endedWithCR = text.endsWith('\r');
    if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
    this.buffered.push(text);
    this.bufferedChars += text.length;
    // While a record is still open, wait until there is at least as much new text as old:
    // the parse work then grows linearly with the size of the record.
    if (this.bufferedChars >= Math.max(this.minFeedChars, this.pending.length)) this.flush();
  }

  end(): void {
    this.flush();
    this.feed.emit('end');
    this.throwIfFailed();
  }

  private flush(): void {
    if (this.bufferedChars === 0) return;
    const text = this.buffered.length === 1 ? this.buffered[0] : this.buffered.join('');
    this.buffered = [];
    this.bufferedChars = 0;
    this.pending += text;
    if (!this.pendingHasQuote && text.indexOf('"') !== -1) this.pendingHasQuote = true;
    this.feed.emit('data', text);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) {
      const error = this.failure;
      this.failure = null;
      throw error;
    }
  }

  private onChunk(results: Papa.ParseResult<string[]>): void {
    const first = this.nextRow;
    const rows = results.data;
    const consumed = results.meta.cursor - (this.consumedBefore ?? 0);
    this.consumedBefore = results.meta.cursor;
    // One problem per row, the first found. Errors papaparse reports for the unfinished last
    // record are left out: that record is parsed again, whole, with the next text.
    const problems = new Map<number, QuoteProblem>();
    if (this.pendingHasQuote) {
      const segment = this.pending.slice(0, consumed);
      for (const offset of strayQuoteRows(segment)) problems.set(offset, 'stray');
    }
    this.pending = this.pending.slice(consumed);
    this.pendingHasQuote = this.pending.indexOf('"') !== -1;
    for (const error of results.errors) {
      if (error.type !== 'Quotes' || error.row === undefined || error.row >= rows.length) continue;
      if (!problems.has(error.row))
        problems.set(error.row, error.code === 'MissingQuotes' ? 'unterminated' : 'malformed');
    }
    for (const [offset, kind] of [...problems].sort((a, b) => a[0] - b[0]))
      this.events.quoteProblem(first + offset, kind);
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i];
      const row = first + i;
      for (let c = 0; c < cells.length; c++) {
        if (cells[c].length > MAX_CELL_CHARS) this.events.cellTooLong(row, c, cells[c].length);
      }
      this.events.row(cells, row);
    }
    this.nextRow = first + rows.length;
  }

  private consumedBefore: number | undefined;
}

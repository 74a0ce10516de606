/**
 * A record that contains a quote character, parsed exactly as papaparse's parser does (header: false,
 * delimiter ",", newline "\n", quote '"'), which is what the reader used to hand every row to: a
 * quote opens a quoted cell only as the cell's first character; a quoted cell ends at a quote
 * followed by optional white space and a comma or line break (or the end of the input); `""` is a
 * quote; any other closing quote is "malformed" and the cell goes on to the next quote. We add
 * what papaparse does not report: a quote inside an unquoted cell is "stray".
 * `csv.test.ts` compares this, record by record, with papaparse itself on random text.
 */
import { MAX_CELLS, type CsvRecord } from './csv-record.ts';

export type QuoteProblem = 'stray' | 'unterminated' | 'malformed';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;

/**
 * Parses the record starting at `start` into `out` (cell boundaries, and per quoted cell how many
 * doubled quotes it holds), and its first quote problem (a stray quote wins) into `out.problem`.
 * Returns where the next record starts, or -1 when the record does not end within `text` and more
 * text may follow (`final` false).
 */
export function parseQuotedRecord(text: string, start: number, final: boolean, out: CsvRecord): number {
  const len = text.length;
  let n = 0;
  let doubled = false;
  /**
   * A cell from `from` to `to` with `pairs` doubled quotes: the scan below meets them left to right,
   * as papaparse's replace(/""/g, '"') does, so the cell's value is that much shorter than its text.
   */
  const put = (from: number, to: number, pairs: number) => {
    if (n < MAX_CELLS) {
      out.reserve(n + 1);
      out.starts[n] = from;
      out.ends[n] = to;
      out.pairs[n] = pairs;
      if (pairs > 0) doubled = true;
    }
    n++;
  };
  let stray = false;
  let error: QuoteProblem | null = null;
  let cursor = start;
  let nextDelim = text.indexOf(',', cursor);
  let nextNewline = text.indexOf('\n', cursor);
  let nextQuote = text.indexOf('"', cursor);
  let end = -1;
  let openLines = -1;
  for (;;) {
    if (text.charCodeAt(cursor) === QUOTE) {
      let q = cursor;
      let pairs = 0;
      cursor++;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q === -1) {
          if (!final) return -1;
          error ??= 'unterminated';
          openLines = linesAfter(text, cursor);
          put(cursor, len, 0);
          end = len;
          break;
        }
        if (q === len - 1) {
          if (!final) return -1;
          put(cursor, q, pairs);
          end = len;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          q++;
          pairs++;
          continue;
        }
        if (nextDelim !== -1 && nextDelim < q + 1) nextDelim = text.indexOf(',', q + 1);
        if (nextNewline !== -1 && nextNewline < q + 1) nextNewline = text.indexOf('\n', q + 1);
        const checkUpTo = nextNewline === -1 ? nextDelim : Math.min(nextDelim, nextNewline);
        const toDelim = spacesAfter(text, q, checkUpTo);
        if (text.charCodeAt(q + 1 + toDelim) === COMMA) {
          put(cursor, q, pairs);
          cursor = q + 2 + toDelim;
          if (nextDelim !== -1 && nextDelim < cursor) nextDelim = text.indexOf(',', cursor);
          if (nextNewline !== -1 && nextNewline < cursor) nextNewline = text.indexOf('\n', cursor);
          break;
        }
        const toNewline = spacesAfter(text, q, nextNewline);
        if (text.charCodeAt(q + 1 + toNewline) === LF) {
          put(cursor, q, pairs);
          end = q + 2 + toNewline;
          break;
        }
        error ??= 'malformed';
        q++;
      }
      if (end >= 0) break;
      continue;
    }
    let cellEnd: number;
    if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) cellEnd = nextDelim;
    else if (nextNewline !== -1) cellEnd = nextNewline;
    else if (!final) return -1;
    else cellEnd = len;
    // A quote inside an unquoted cell (searched for once per stretch, not once per cell).
    if (nextQuote !== -1 && nextQuote < cursor) nextQuote = text.indexOf('"', cursor);
    if (nextQuote !== -1 && nextQuote < cellEnd) stray = true;
    put(cursor, cellEnd, 0);
    if (cellEnd !== nextDelim) {
      end = cellEnd === len ? len : cellEnd + 1;
      break;
    }
    cursor = nextDelim + 1;
    nextDelim = text.indexOf(',', cursor);
  }
  out.length = Math.min(n, MAX_CELLS);
  out.count = n;
  out.doubled = doubled;
  out.unescaped = null;
  out.problem = stray ? 'stray' : error;
  out.openLines = openLines;
  return end;
}

/** The lines of `text` after the one `from` is on (a line break that ends the text starts none). */
function linesAfter(text: string, from: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1))
    lines++;
  return lines;
}

/** papaparse's extraSpaces: the white space between a closing quote and `index`, if that is all there is. */
function spacesAfter(text: string, quote: number, index: number): number {
  if (index === -1 || index <= quote + 1) return 0;
  const between = text.substring(quote + 1, index);
  return between.trim() === '' ? between.length : 0;
}

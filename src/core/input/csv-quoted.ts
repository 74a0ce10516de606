/**
 * A record that contains a quote character, parsed exactly as papaparse's parser does (header: false,
 * delimiter ",", newline "\n", quote '"'), which is what the reader used to hand every row to: a
 * quote opens a quoted cell only as the cell's first character; a quoted cell ends at a quote
 * followed by optional white space and a comma or line break (or the end of the input); `""` is a
 * quote; any other closing quote is "malformed" and the cell goes on to the next quote. We add
 * what papaparse does not report: a quote inside an unquoted cell is "stray".
 * `csv.test.ts` compares this, record by record, with papaparse itself on random text.
 */
import type { CsvRecord } from './csv-record.ts';

export type QuoteProblem = 'stray' | 'unterminated' | 'malformed';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;

/**
 * Parses the record starting at `start` into `out.values`, and its first quote problem (a stray
 * quote wins) into `out.problem`. Returns where the next record starts,
 * or -1 when the record does not end within `text` and more text may follow (`final` false).
 */
export function parseQuotedRecord(text: string, start: number, final: boolean, out: CsvRecord): number {
  const len = text.length;
  const cells: string[] = [];
  let stray = false;
  let error: QuoteProblem | null = null;
  let cursor = start;
  let nextDelim = text.indexOf(',', cursor);
  let nextNewline = text.indexOf('\n', cursor);
  let end = -1;
  for (;;) {
    if (text.charCodeAt(cursor) === QUOTE) {
      let q = cursor;
      cursor++;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q === -1) {
          if (!final) return -1;
          error ??= 'unterminated';
          cells.push(text.substring(cursor));
          end = len;
          break;
        }
        if (q === len - 1) {
          if (!final) return -1;
          cells.push(unescape(text.substring(cursor, q)));
          end = len;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          q++;
          continue;
        }
        if (nextDelim !== -1 && nextDelim < q + 1) nextDelim = text.indexOf(',', q + 1);
        if (nextNewline !== -1 && nextNewline < q + 1) nextNewline = text.indexOf('\n', q + 1);
        const checkUpTo = nextNewline === -1 ? nextDelim : Math.min(nextDelim, nextNewline);
        const toDelim = spacesAfter(text, q, checkUpTo);
        if (text.charCodeAt(q + 1 + toDelim) === COMMA) {
          cells.push(unescape(text.substring(cursor, q)));
          cursor = q + 2 + toDelim;
          if (nextDelim !== -1 && nextDelim < cursor) nextDelim = text.indexOf(',', cursor);
          if (nextNewline !== -1 && nextNewline < cursor) nextNewline = text.indexOf('\n', cursor);
          break;
        }
        const toNewline = spacesAfter(text, q, nextNewline);
        if (text.charCodeAt(q + 1 + toNewline) === LF) {
          cells.push(unescape(text.substring(cursor, q)));
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
    const value = text.substring(cursor, cellEnd);
    if (!stray && value.indexOf('"') !== -1) stray = true;
    cells.push(value);
    if (cellEnd !== nextDelim) {
      end = cellEnd === len ? len : cellEnd + 1;
      break;
    }
    cursor = nextDelim + 1;
    nextDelim = text.indexOf(',', cursor);
  }
  out.values = cells;
  out.length = cells.length;
  out.problem = stray ? 'stray' : error;
  return end;
}

/** papaparse's extraSpaces: the white space between a closing quote and `index`, if that is all there is. */
function spacesAfter(text: string, quote: number, index: number): number {
  if (index === -1 || index <= quote + 1) return 0;
  const between = text.substring(quote + 1, index);
  return between.trim() === '' ? between.length : 0;
}

function unescape(value: string): string {
  return value.indexOf('"') === -1 ? value : value.replace(/""/g, '"');
}

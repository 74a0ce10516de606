/**
 * Reads one file of the detected format, chunk by chunk: sniff, decode, parse, check the header,
 * then hand each well-formed row to the adapter. Everything that goes wrong becomes a finding on
 * this file; nothing here throws for bad input.
 */
import type { RawFinding } from '../model/finding.ts';
import { CsvReader, MAX_CELLS, type CsvRecord, type QuoteProblem } from '../input/csv.ts';
import { sniff, SNIFF_BYTES } from '../input/sniff.ts';
import { ZipError } from '../input/zip.ts';
import { cellTooLong } from '../rules/formatting/cell-too-long.ts';
import { fileUnreadable } from '../rules/formatting/file-unreadable.ts';
import { NAME_LIMITS, nameTooLong } from '../rules/formatting/name-too-long.ts';
import { rowColumns } from '../rules/formatting/row-columns.ts';
import { rowQuotes } from '../rules/formatting/row-quotes.ts';
import { hashChunks, TextFeed } from './read-chunks.ts';
import { readHeader } from './read-header.ts';
import type { FileJob, ReadEnv, ReadOutcome } from './read-job.ts';
import type { RowCursor } from './row-context.ts';
import { own } from '../model/roster.ts';

export async function readFile(job: FileJob, env: ReadEnv): Promise<ReadOutcome> {
  const { source, spec, fileIndex: file } = job;
  const outcome: ReadOutcome = { rows: 0, sha256: '', header: null, readable: true };
  const unreadable = (detail: string, row: number | null = null) => {
    outcome.readable = false;
    env.findings.add(fileUnreadable, 'row', { file, row, entity: 'file', detail });
  };
  const why = (error: unknown) => (error instanceof Error ? error.message : String(error));
  /** A zip entry's error says itself what is wrong with the file ("it unpacks to more than …"). */
  const couldNotRead = (error: unknown) =>
    error instanceof ZipError && error.detail ? error.detail : `it could not be read (${why(error)})`;
  let head: Uint8Array;
  try {
    head = await source.head(SNIFF_BYTES);
  } catch (error) {
    if (spec) unreadable(couldNotRead(error));
    outcome.readable = false;
    return outcome;
  }
  // Begun once the file can be read: a hash begun is always ended (digest), which frees a reused state.
  const hash = env.hash();
  const sniffed = sniff(head, source.path);
  if (sniffed.kind === 'binary' || !spec || !job.handler) {
    if (sniffed.kind === 'binary' && spec) unreadable(`it is ${sniffed.what}`);
    if (sniffed.kind === 'binary') outcome.readable = false;
    try {
      await hashChunks(source, hash, env);
      outcome.sha256 = hash.digest();
    } catch (error) {
      hash.digest(); // ended all the same (see above)
      if (spec && outcome.readable) unreadable(couldNotRead(error));
      outcome.readable = false;
    }
    return outcome;
  }

  const handler = job.handler;
  let cursor: RowCursor | null = null;
  let headerWidth = 0;
  /** The header's cells up to its last non-empty name (a spreadsheet leaves `role,,,`). */
  let namedWidth = 0;
  /** A row left out whole: a cell too long, or a quote never closed (that row ends the file). */
  let skipRow = 0;
  let tooLongRow = 0;
  /** The `cell-too-long` finding of row `tooLongRow`, which learns the ID its row would define. */
  let tooLong: RawFinding | null = null;
  /** The `row-quotes` finding of a quote never closed (the last row), which learns it too. */
  let openQuote: RawFinding | null = null;
  let lastQuoteRow = 0;
  /** A header wider than the reader keeps: the file is unreadable, its rows are not looked at. */
  let tooWide = false;
  const names = spec.names ?? [];
  const csv = new CsvReader({
    quoteProblem(row: number, kind: QuoteProblem, openLines: number) {
      if (row === lastQuoteRow || tooWide) return;
      lastQuoteRow = row;
      // A quote never closed takes in the rest of the file: its row is garbled, and ends the file.
      const open = openLines >= 0;
      const finding = env.findings.add(rowQuotes, 'row', {
        file,
        row,
        entity: spec.entity,
        reason: kind,
        detail: open ? String(openLines) : null,
      });
      if (!open) return;
      skipRow = row;
      openQuote = finding;
    },
    cellTooLong(row, column, length) {
      if (tooLongRow === row || tooWide) return;
      tooLongRow = row;
      const field = outcome.header?.[column] ?? `column ${column + 1}`;
      skipRow = row;
      tooLong = env.findings.add(cellTooLong, 'row', {
        file,
        row,
        entity: spec.entity,
        field,
        detail: length.toLocaleString('en-US'),
      });
    },
    row(record: CsvRecord) {
      const row = record.row;
      if (tooWide) return;
      if (row === 1 && record.count > MAX_CELLS) {
        tooWide = true;
        const cells = record.count.toLocaleString('en-US');
        unreadable(
          `row 1, its header, has ${cells} cells, more than the ${MAX_CELLS.toLocaleString('en-US')} columns this tool reads`,
          1,
        );
        return;
      }
      if (row === 1) {
        const header = readHeader(record, spec, job.headerCase, file, env);
        outcome.header = header.names;
        headerWidth = header.width;
        namedWidth = header.namedWidth;
        cursor = header.cursor;
        return;
      }
      if (record.blank()) return;
      outcome.rows++;
      const c = cursor!;
      c.record = record;
      c.row = row;
      const width = record.count;
      if (skipRow === row) {
        const id = leftOutId(c);
        if (tooLong && tooLongRow === row) tooLong.leftOutId = id;
        excludeMalformed(c);
        if (openQuote) {
          openQuote.leftOutId = id;
          excludeLostLines(c, record);
        }
        return;
      }
      const fits =
        width === namedWidth || (width > namedWidth && width <= headerWidth && emptyFrom(record, namedWidth));
      if (!fits) {
        // Extra cells that are all empty: still reported, but the record is read (rules.md §9).
        const extraEmpty = width > namedWidth && emptyFrom(record, namedWidth);
        const header = namedWidth < headerWidth ? `names ${namedWidth}` : `has ${headerWidth}`;
        env.findings.add(rowColumns, 'row', {
          file,
          row,
          entity: spec.entity,
          reason: extraEmpty ? 'extra-empty-cells' : null,
          detail: `${width} cell${width === 1 ? '' : 's'} where the header ${header}`,
          leftOutId: extraEmpty ? null : leftOutId(c),
        });
        if (!extraEmpty) {
          excludeMalformed(c);
          return;
        }
      }
      for (const n of names) {
        if (n.when && c.get(n.when.column) !== n.when.value) continue;
        const value = c.get(n.column);
        const limit = NAME_LIMITS[n.kind];
        // Characters as a person counts them (an emoji is one), not UTF-16 code units.
        const length = value.length > limit ? [...value].length : 0;
        if (length > limit) {
          env.findings.add(nameTooLong, 'row', {
            file,
            row,
            entity: spec.entity,
            field: n.column,
            value,
            detail: `${n.kind} name is ${length} characters long (limit ${limit})`,
          });
        }
      }
      env.refs.damage.scanRow(file, record, outcome.header);
      handler(c);
    },
  });
  /** Whether every cell from `start` on is empty (the header's unnamed columns, or extra cells). */
  const emptyFrom = (record: CsvRecord, start: number) => {
    if (record.count > record.length) return false; // cells past MAX_CELLS were counted, not kept
    for (let i = start; i < record.length; i++) if (record.trimmed(i) !== '') return false;
    return true;
  };
  /** The ID a malformed row would define (as far as its cells can be trusted): ties it to classes naming it. */
  const leftOutId = (c: RowCursor): string | null => {
    const id = spec.defines ? c.get(spec.defines.column) : '';
    return id ? own(id) : null;
  };
  const excludeMalformed = (c: RowCursor) => {
    // The ID of a malformed row still exists for references, even though the record is left out.
    if (!spec.defines) return;
    const id = c.get(spec.defines.column);
    if (id) for (const kind of spec.defines.kinds) env.refs.remove(kind, id);
  };

  /**
   * The lines a quote never closed took in (after the line where the cell opens), read as if it had
   * been closed: the IDs they would define still exist for references (no `ref-unknown` "not defined
   * in any file" for a class on the next line), though their records are left out. Once per file.
   */
  const excludeLostLines = (c: RowCursor, record: CsvRecord) => {
    const lineEnd = record.text.indexOf('\n', record.starts[record.length - 1]);
    if (!spec.defines || lineEnd === -1) return;
    const lost = new CsvReader({
      row(r) {
        if (r.blank()) return;
        c.record = r;
        excludeMalformed(c);
      },
      quoteProblem() {},
      cellTooLong() {},
    });
    lost.push(record.text.slice(lineEnd + 1));
    lost.end();
    c.record = record;
  };

  const feed = new TextFeed(sniffed, csv, file, env);
  let bytes = 0;
  try {
    for await (const chunk of source.chunks()) {
      hash.update(chunk);
      bytes += chunk.length;
      feed.decodeAndParse(chunk, false);
      env.progress(bytes, outcome.rows);
    }
    feed.decodeAndParse(new Uint8Array(0), true);
    csv.end();
    // Set by the row callback, which TypeScript does not see run.
    (cursor as RowCursor | null)?.finish();
  } catch (error) {
    let row = csv.rowsSeen + 1;
    try {
      row = csv.nextRecordRow();
    } catch {
      // The parser itself failed: keep the last row it finished.
    }
    unreadable(`reading stopped near row ${row} (${why(error)})`, row);
  }
  outcome.sha256 = hash.digest();
  if (!feed.textSeen && !job.mayBeEmpty) unreadable('the file is empty');
  else if (!feed.textSeen) outcome.header = [];
  return outcome;
}

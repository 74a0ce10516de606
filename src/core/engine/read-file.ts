/**
 * Reads one file of the detected format, chunk by chunk: sniff, decode, parse, check the header,
 * then hand each well-formed row to the adapter. Everything that goes wrong becomes a finding on
 * this file; nothing here throws for bad input.
 */
import type { RawFinding } from '../model/finding.ts';
import { CsvReader, MAX_CELLS, type CsvRecord, type QuoteProblem } from '../input/csv.ts';
import { StreamDecoder } from '../input/decoder.ts';
import type { HashFactory } from '../input/hash.ts';
import { sniff, SNIFF_BYTES } from '../input/sniff.ts';
import type { SourceFile } from '../input/source.ts';
import { ZipError } from '../input/zip.ts';
import type { FileSpec, RowContext } from '../formats/types.ts';
import { cellTooLong } from '../rules/formatting/cell-too-long.ts';
import { encoding } from '../rules/formatting/encoding.ts';
import { fileUnreadable } from '../rules/formatting/file-unreadable.ts';
import { headerMissing } from '../rules/formatting/header-missing.ts';
import { NAME_LIMITS, nameTooLong } from '../rules/formatting/name-too-long.ts';
import { rowColumns } from '../rules/formatting/row-columns.ts';
import { rowQuotes } from '../rules/formatting/row-quotes.ts';
import { nearMisses } from './near-miss.ts';
import type { FindingCollector } from './collector.ts';
import type { References } from './references.ts';
import { RowCursor } from './row-context.ts';
import { own } from '../model/roster.ts';

export interface FileJob {
  source: SourceFile;
  /** The format's spec for this file, or null to only hash it (ignored files). */
  spec: FileSpec | null;
  fileIndex: number;
  headerCase: 'exact' | 'insensitive';
  handler: ((row: RowContext) => void) | null;
  /** A file the format allows to be completely empty (Remind CSV 1.0 classes and enrollments). */
  mayBeEmpty?: boolean;
}

export interface ReadEnv {
  fileNames: readonly string[];
  findings: FindingCollector;
  refs: References;
  hash: HashFactory;
  /** Called after each chunk with the bytes and data rows read so far in this file. */
  progress(bytes: number, rows: number): void;
}

export interface ReadOutcome {
  rows: number;
  sha256: string;
  header: string[] | null;
  readable: boolean;
}

function headerIndex(spec: FileSpec, header: string[], headerCase: FileJob['headerCase']) {
  const index = new Map<string, number>();
  const names = new Map<string, string>();
  const norm = (s: string) => (headerCase === 'insensitive' ? s.toLowerCase() : s);
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    if (!positions.has(norm(h))) positions.set(norm(h), i);
  });
  const missing: string[] = [];
  for (const col of spec.columns) {
    const i = positions.get(norm(col.name));
    if (i === undefined) {
      if (col.required) missing.push(col.name);
      continue;
    }
    index.set(col.name, i);
    names.set(col.name, header[i]);
  }
  return { index, names, missing };
}

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
  const hashOnly = async () => {
    let bytes = 0;
    for await (const chunk of source.chunks()) {
      hash.update(chunk);
      bytes += chunk.length;
      env.progress(bytes, 0);
    }
  };
  if (sniffed.kind === 'binary' || !spec || !job.handler) {
    if (sniffed.kind === 'binary' && spec) unreadable(`it is ${sniffed.what}`);
    if (sniffed.kind === 'binary') outcome.readable = false;
    try {
      await hashOnly();
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
  let skipRow = 0;
  /** The `cell-too-long` finding of row `skipRow`, which learns the ID its row would define. */
  let tooLong: RawFinding | null = null;
  let lastQuoteRow = 0;
  /** A header wider than the reader keeps: the file is unreadable, its rows are not looked at. */
  let tooWide = false;
  const names = spec.names ?? [];
  const csv = new CsvReader({
    quoteProblem(row: number, kind: QuoteProblem) {
      if (row === lastQuoteRow || tooWide) return;
      lastQuoteRow = row;
      env.findings.add(rowQuotes, 'row', { file, row, entity: spec.entity, reason: kind });
    },
    cellTooLong(row, column, length) {
      if (skipRow === row || tooWide) return;
      skipRow = row;
      const field = outcome.header?.[column] ?? `column ${column + 1}`;
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
        outcome.header = record.cells().map((c) => own(c.trim()));
        headerWidth = record.count;
        namedWidth = headerWidth;
        while (namedWidth > 0 && outcome.header[namedWidth - 1] === '') namedWidth--;
        if (namedWidth < headerWidth && namedWidth > 0)
          env.findings.add(rowColumns, 'row', {
            file,
            row: 1,
            entity: 'file',
            reason: 'header-empty-names',
            detail: `${headerWidth - namedWidth}:${namedWidth}`,
          });
        const { index, names: headerNames, missing } = headerIndex(spec, outcome.header, job.headerCase);
        if (missing.length) {
          const meant = nearMisses(
            missing,
            outcome.header,
            spec.columns.map((c) => c.name),
          );
          env.findings.add(headerMissing, 'row', {
            file,
            row: 1,
            entity: 'file',
            detail: missing.join(', '),
            // The header names probably meant for missing columns, as "written → meant".
            value: meant.length
              ? meant.map(([written, column]) => `${written} → ${column}`).join(', ')
              : null,
          });
        }
        cursor = new RowCursor(file, spec, index, headerNames, env.fileNames, env.findings, env.refs);
        return;
      }
      if (record.blank()) return;
      outcome.rows++;
      const c = cursor!;
      c.record = record;
      c.row = row;
      const width = record.count;
      if (skipRow === row) {
        if (tooLong) tooLong.leftOutId = leftOutId(c);
        excludeMalformed(c);
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

  const decoder = new StreamDecoder(sniffed.encoding, sniffed.bom);
  let bytes = 0;
  let textSeen = false;
  /** Parses `text` up to `at`, reports the encoding finding on the row there, and parses the rest. */
  const pushReporting = (text: string, at: number, reason: string | null) => {
    csv.push(text.slice(0, at));
    env.findings.add(encoding, 'row', { file, row: csv.nextRecordRow(), entity: 'file', reason });
    return text.slice(at);
  };
  let zeroSeen = false;
  const parseText = (text: string) => {
    const zero = zeroSeen ? -1 : text.indexOf('\0');
    if (zero >= 0) {
      zeroSeen = true;
      text = pushReporting(text, zero, 'zero-byte');
    }
    csv.push(text);
  };
  const decodeAndParse = (chunk: Uint8Array, final: boolean) => {
    const wasUtf8 = decoder.fallbackAt < 0;
    const wasUtf16 = decoder.switchedAt < 0;
    let text = decoder.decode(chunk, final);
    if (!textSeen && text.trim() !== '') textSeen = true;
    // Parse up to where the text changes encoding, so the finding names the row it is in.
    let base = 0;
    if (wasUtf16 && decoder.switchedAt >= 0) {
      base = decoder.switchedTextAt;
      parseText(text.slice(0, base));
      text = pushReporting(text.slice(base), 0, 'switched');
    }
    if (wasUtf8 && decoder.fallbackAt >= 0) {
      const at = decoder.fallbackTextAt - base;
      parseText(text.slice(0, at));
      text = pushReporting(text.slice(at), 0, null);
      env.refs.damage.readAsWindows1252(file);
    }
    parseText(text);
  };
  try {
    for await (const chunk of source.chunks()) {
      hash.update(chunk);
      bytes += chunk.length;
      decodeAndParse(chunk, false);
      env.progress(bytes, outcome.rows);
    }
    decodeAndParse(new Uint8Array(0), true);
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
  if (!textSeen && !job.mayBeEmpty) unreadable('the file is empty');
  else if (!textSeen) outcome.header = [];
  return outcome;
}

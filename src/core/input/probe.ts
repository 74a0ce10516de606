/** A quick look at each file before reading: its type, its header row, and (manifest) its content. */
import { CsvReader } from './csv.ts';
import { StreamDecoder } from './decoder.ts';
import { sniff, SNIFF_BYTES } from './sniff.ts';
import { baseName, type SourceFile } from './source.ts';

export interface Probe {
  source: SourceFile;
  /** Lower-case base name, e.g. "users.csv". */
  name: string;
  /** What the file is when it is not text ("a PNG image"), else null. */
  binary: string | null;
  /** The first row, trimmed; null for binary files. */
  header: string[] | null;
  /** The first rows (up to the sniff size): enough for manifest.csv. */
  rows: string[][];
}

/** How many records of the start of a file are kept (blank lines count). */
export const PROBE_ROWS = 200;

export async function probe(source: SourceFile): Promise<Probe> {
  const name = baseName(source.path).toLowerCase();
  let head: Uint8Array;
  try {
    head = await source.head(SNIFF_BYTES);
  } catch (error) {
    // A damaged zip entry or a file that vanished: reading it later reports it as unreadable.
    const why = error instanceof Error ? error.message : String(error);
    return { source, name, binary: `a file that cannot be read (${why})`, header: null, rows: [] };
  }
  const sniffed = sniff(head, source.path);
  if (sniffed.kind === 'binary') return { source, name, binary: sniffed.what, header: null, rows: [] };
  let text = new StreamDecoder(sniffed.encoding, sniffed.bom).decode(head, head.length === source.size);
  if (head.length < source.size) {
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (lastBreak > 0) text = text.slice(0, lastBreak);
  }
  const rows = firstRecords(text, PROBE_ROWS).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  return { source, name, binary: null, header: rows.length ? rows[0].map((c) => c.trim()) : null, rows };
}

/** The first `limit` records of a text, read by the engine's own CSV reader. */
export function firstRecords(text: string, limit: number): string[][] {
  const records: string[][] = [];
  const reader = new CsvReader({
    row(record) {
      if (records.length < limit)
        records.push(Array.from({ length: record.length }, (_, i) => record.cell(i)));
    },
    quoteProblem() {},
    cellTooLong() {},
  });
  reader.push(text);
  reader.end();
  return records;
}

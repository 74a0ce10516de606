/** A quick look at each file before reading: its type, its header row, and (manifest) its content. */
import Papa from 'papaparse';
import { StreamDecoder } from '../input/decoder.ts';
import { sniff } from '../input/sniff.ts';
import { baseName, type SourceFile } from '../input/source.ts';
import { SNIFF_BYTES } from './read-file.ts';

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
  const parsed = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), {
    header: false,
    newline: '\n',
    delimiter: ',',
    preview: 200,
  });
  const rows = parsed.data.filter((r) => !(r.length === 1 && r[0].trim() === ''));
  return { source, name, binary: null, header: rows.length ? rows[0].map((c) => c.trim()) : null, rows };
}

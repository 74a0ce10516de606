/**
 * A file's bytes, chunk by chunk: hashed, and for a file of the format decoded into the CSV reader,
 * with the `encoding` finding on the row where the text changes encoding (or has a zero byte).
 */
import type { CsvReader } from '../input/csv.ts';
import { StreamDecoder } from '../input/decoder.ts';
import type { IncrementalHash } from '../input/hash.ts';
import type { Sniffed } from '../input/sniff.ts';
import type { SourceFile } from '../input/source.ts';
import { encoding } from '../rules/formatting/encoding.ts';
import type { ReadEnv } from './read-job.ts';

/** Only hashes the file (an ignored or binary one). */
export async function hashChunks(source: SourceFile, hash: IncrementalHash, env: ReadEnv): Promise<void> {
  let bytes = 0;
  for await (const chunk of source.chunks()) {
    hash.update(chunk);
    bytes += chunk.length;
    env.progress(bytes, 0);
  }
}

/** Decodes a text file's chunks into the CSV reader. */
export class TextFeed {
  private readonly decoder: StreamDecoder;
  /** Whether any chunk had more than white space. */
  textSeen = false;
  private zeroSeen = false;

  constructor(
    sniffed: Extract<Sniffed, { kind: 'text' }>,
    private readonly csv: CsvReader,
    private readonly file: number,
    private readonly env: ReadEnv,
  ) {
    this.decoder = new StreamDecoder(sniffed.encoding, sniffed.bom);
  }

  /** Parses `text` up to `at`, reports the encoding finding on the row there, and parses the rest. */
  private pushReporting(text: string, at: number, reason: string | null): string {
    this.csv.push(text.slice(0, at));
    this.env.findings.add(encoding, 'row', {
      file: this.file,
      row: this.csv.nextRecordRow(),
      entity: 'file',
      reason,
    });
    return text.slice(at);
  }

  private parseText(text: string): void {
    const zero = this.zeroSeen ? -1 : text.indexOf('\0');
    if (zero >= 0) {
      this.zeroSeen = true;
      text = this.pushReporting(text, zero, 'zero-byte');
    }
    this.csv.push(text);
  }

  decodeAndParse(chunk: Uint8Array, final: boolean): void {
    const decoder = this.decoder;
    const wasUtf8 = decoder.fallbackAt < 0;
    const wasUtf16 = decoder.switchedAt < 0;
    let text = decoder.decode(chunk, final);
    if (!this.textSeen && text.trim() !== '') this.textSeen = true;
    // Parse up to where the text changes encoding, so the finding names the row it is in.
    let base = 0;
    if (wasUtf16 && decoder.switchedAt >= 0) {
      base = decoder.switchedTextAt;
      this.parseText(text.slice(0, base));
      text = this.pushReporting(text.slice(base), 0, 'switched');
    }
    if (wasUtf8 && decoder.fallbackAt >= 0) {
      const at = decoder.fallbackTextAt - base;
      this.parseText(text.slice(0, at));
      text = this.pushReporting(text.slice(at), 0, null);
      this.env.refs.damage.readAsWindows1252(this.file);
    }
    this.parseText(text);
  }
}

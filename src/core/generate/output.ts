/** Streaming output: rows are batched into ~64 KB pieces of one file each, handed out as they fill. */
export interface Chunk {
  /** File name, e.g. "students.csv". Chunks of one file come together, in order. */
  file: string;
  text: string;
  /** Lines in this chunk (the header counts as one). */
  rows: number;
}

/** Writers yield chunks; the consumer pulls them, so a slow disk simply slows the generator down. */
export type ChunkStream = Generator<Chunk, void, undefined>;

export const CHUNK_CHARS = 1 << 16;

export class FileOut {
  private text = '';
  private rows = 0;

  constructor(
    readonly file: string,
    header: string,
    private readonly eol = '\n',
  ) {
    this.line(header);
  }

  line(row: string): void {
    this.text += row + this.eol;
    this.rows++;
  }

  get full(): boolean {
    return this.text.length >= CHUNK_CHARS;
  }

  take(): Chunk {
    const chunk = { file: this.file, text: this.text, rows: this.rows };
    this.text = '';
    this.rows = 0;
    return chunk;
  }
}

/** A cell as CSV writes it: quoted only when it holds a comma, quote or line break. */
export function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** What reading one file is given, and what it gives back (read-file.ts). */
import type { FileSpec, RowContext } from '../formats/types.ts';
import type { HashFactory } from '../input/hash.ts';
import type { SourceFile } from '../input/source.ts';
import type { FindingCollector } from './collector.ts';
import type { References } from './references.ts';

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

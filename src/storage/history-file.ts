/**
 * The history export file: its kind and version, and reading one a piece at a time. The file is
 * read in slices (json-splitter.ts): once for its header (everything but the runs), which must say
 * it is an export this page reads, then once more for its runs, one by one, so an export of any
 * size is read. What is not such a file is an ImportError with a message for the person.
 */
import { JsonShapeError, JsonSplitter, type Piece } from './json-splitter.ts';

export const EXPORT_KIND = 'roster-check-history';
export const EXPORT_VERSION = 1;

export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportOptions {
  /** Bytes read from the file at a time. */
  chunkBytes?: number;
  /** The longest run decoded as one string: a browser cannot make a string of more than ~512 MB. */
  maxRunBytes?: number;
  /** The importing computer's clock (runs dated after it are refused). */
  now?: number;
}

const CHUNK_BYTES = 4 << 20;
const MAX_RUN_BYTES = 256 << 20;
export const mb = (bytes: number) => `${Math.ceil(bytes / (1 << 20))} MB`;

/** The file's top-level members, or its runs one by one (json-splitter.ts), as they are read. */
export async function* piecesOf(file: Blob, runs: boolean, options: ImportOptions): AsyncGenerator<Piece> {
  const chunk = options.chunkBytes ?? CHUNK_BYTES;
  const splitter = new JsonSplitter('runs', options.maxRunBytes ?? MAX_RUN_BYTES, !runs);
  try {
    for (let at = 0; at < file.size; at += chunk)
      yield* splitter.push(new Uint8Array(await file.slice(at, at + chunk).arrayBuffer()));
    splitter.end();
  } catch (error) {
    if (error instanceof JsonShapeError)
      throw new ImportError(
        `This file is not JSON (${error.message}): choose a history exported by Roster Check.`,
      );
    if (error instanceof TypeError)
      throw new ImportError(
        'This file is not JSON (it is not UTF-8 text): choose a history exported by Roster Check.',
      );
    throw error;
  }
}

/** The parsed text, or undefined where it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Everything but the runs, after checking it is an export this page reads. */
export async function headerOf(file: Blob, options: ImportOptions): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  let runs = false;
  for await (const piece of piecesOf(file, false, options)) {
    if (piece.kind === 'member') {
      const value = parseJson(piece.text);
      if (value === undefined)
        throw new ImportError(
          `This file is not JSON (its "${piece.key}" is broken): choose a history exported by Roster Check.`,
        );
      data[piece.key] = value;
    } else if (piece.kind === 'too-large' && piece.index < 0)
      throw new ImportError(
        `This file is too large to import: its "${piece.key}" alone is ${mb(piece.bytes)}.`,
      );
    else runs = true;
  }
  if (data.kind !== EXPORT_KIND || !(runs || Array.isArray(data.runs)))
    throw new ImportError('This file is not a Roster Check history export.');
  if (data.version !== EXPORT_VERSION) {
    // The page writes a number; "1" (text) is not one of its exports, whatever it says.
    const shown =
      typeof data.version === 'number'
        ? `version ${data.version}`
        : data.version === undefined
          ? 'no version'
          : `version ${JSON.stringify(data.version).slice(0, 40)}, written as ${typeof data.version === 'string' ? 'text' : 'something else'} and not as a number`;
    throw new ImportError(`This history export has ${shown}; this page reads version ${EXPORT_VERSION}.`);
  }
  return data;
}

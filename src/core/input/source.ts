/**
 * A file the engine reads: from a browser File, a file on disk, or an entry of a .zip.
 * Everything is read chunk by chunk so a district of a gigabyte never sits in memory at once.
 */
export interface SourceFile {
  /** Path as the user knows it (folder or zip prefix kept), e.g. "export/users.csv". */
  readonly path: string;
  /** Size in bytes (for a zip entry: the size it claims uncompressed). */
  readonly size: number;
  /** The bytes from first to last, in chunks. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The first bytes only (for sniffing the type and the header row). */
  head(maxBytes: number): Promise<Uint8Array>;
  /** Random access to the bytes when the file has it (needed to open a .zip). */
  readonly random?: RandomAccess;
  /** The .zip a file came out of (its path), to tell it from a file of the same name given loose. */
  readonly zip?: string;
}

/** Anything that can hand out byte ranges: a Blob in the browser, a file handle in Node. */
export interface RandomAccess {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export const CHUNK_BYTES = 1 << 18;

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/** A SourceFile over random access bytes, read in fixed chunks. */
export function sourceFromRandomAccess(path: string, bytes: RandomAccess): SourceFile {
  return {
    path,
    size: bytes.size,
    chunks: () => readAhead(bytes.size, CHUNK_BYTES, (start, end) => bytes.read(start, end)),
    head: (maxBytes) => bytes.read(0, Math.min(bytes.size, maxBytes)),
    random: bytes,
  };
}

/**
 * The bytes from 0 to `size` in chunks of `chunkBytes`, the next chunk's read asked for before this
 * one is handed on: the read (the browser's file reading, a thread of libuv's pool in Node) runs while
 * the chunk is parsed, instead of the parser waiting for each read in turn. One read at a time.
 */
export async function* readAhead(
  size: number,
  chunkBytes: number,
  read: (start: number, end: number) => Promise<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const ask = (pos: number) => {
    const pending = read(pos, Math.min(size, pos + chunkBytes));
    // A failed read is reported when its chunk is awaited, not as an unhandled rejection before.
    pending.catch(() => {});
    return pending;
  };
  let next: Promise<Uint8Array> | null = size > 0 ? ask(0) : null;
  try {
    for (let pos = 0; next; pos += chunkBytes) {
      const chunk = await next;
      next = pos + chunkBytes < size ? ask(pos + chunkBytes) : null;
      yield chunk;
    }
  } finally {
    // A reader that stops early: the read still running ends before the caller closes its file.
    await next?.catch(() => {});
  }
}

/** A Blob (or File) as random access bytes. */
export function blobAccess(blob: Blob): RandomAccess {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

/** In-memory bytes, for tests and the generated sample district. */
export function sourceFromBytes(path: string, data: Uint8Array | string): SourceFile {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return sourceFromRandomAccess(path, {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, end),
  });
}

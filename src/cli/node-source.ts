/** Files on disk as SourceFiles, read chunk by chunk through a file handle. */
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { readAhead, sourceFromRandomAccess, type SourceFile } from '../core/input/source.ts';

/**
 * Bytes per read from disk. Smaller than the page's Blob reads (CHUNK_BYTES): a disk read costs little
 * per call, and 64 KiB pieces lower the peak memory of a 45 MB district by 4–7 MB at the same speed,
 * while each Blob read in a browser has a fixed cost that 256 KiB pieces amortise (docs/dev/performance.md).
 */
export const DISK_CHUNK_BYTES = 1 << 16;

export async function diskFile(path: string, displayName: string = path): Promise<SourceFile> {
  const { size } = await stat(path);
  const source = sourceFromRandomAccess(displayName, {
    size,
    async read(start, end) {
      const handle = await open(path, 'r');
      try {
        return await readRange(handle, start, end);
      } finally {
        await handle.close();
      }
    },
  });
  return {
    ...source,
    // One handle for the whole pass: opening the file for every chunk cost more than reading it.
    async *chunks() {
      const handle = await open(path, 'r');
      try {
        for await (const chunk of readAhead(size, DISK_CHUNK_BYTES, (start, end) =>
          readRange(handle, start, end),
        )) {
          if (chunk.length === 0) break;
          yield chunk;
        }
      } finally {
        await handle.close();
      }
    },
  };
}

async function readRange(handle: FileHandle, start: number, end: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(end - start);
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, start + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/** The data files of a folder (not recursive): CSVs, spreadsheets and zips; notes like README.md are skipped. */
export async function folderFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile() && !d.name.startsWith('.') && /\.(csv|txt|tsv|xlsx?|ods|zip)$/i.test(d.name))
    .map((d) => d.name)
    .sort();
  return names.map((n) => join(dir, n));
}

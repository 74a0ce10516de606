/**
 * Reading a .zip without unpacking it into memory: the central directory tells where each entry
 * is, and each entry streams through fflate's Inflate as it is read. Total unpacked size is capped
 * (a zip bomb is refused before anything is inflated), and an entry may not unpack to more than it
 * claims.
 */
import { Inflate } from 'fflate';
import { CHUNK_BYTES, type RandomAccess, type SourceFile } from './source.ts';

export const MAX_UNZIPPED_BYTES = 4 * 1024 ** 3;
/** Compressed bytes inflated at a time: deflate expands at most about 1032-fold, so about 16 MB are held. */
const INFLATE_STEP = 1 << 14;

export class ZipError extends Error {
  override name = 'ZipError';
  /** For an entry's error, the same said of the entry as "it" ("it is encrypted"), to follow its name. */
  detail?: string;
}

/** `entry.path` followed by `what` as the message ("… is encrypted"), and "it …" as the detail. */
function entryError(entry: ZipEntry, what: string): ZipError {
  const error = new ZipError(`${entry.path} ${what}`);
  error.detail = `it ${what}`;
  return error;
}

export interface ZipEntry {
  path: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

async function findDirectory(zip: RandomAccess): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, zip.size - 65557);
  const tail = await zip.read(tailStart, zip.size);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) !== 0x06054b50) continue;
    let count = u16(tail, i + 10);
    let size = u32(tail, i + 12);
    let offset = u32(tail, i + 16);
    if (
      (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) &&
      i >= 20 &&
      u32(tail, i - 20) === 0x07064b50
    ) {
      const z64 = await zip.read(u64(tail, i - 12), u64(tail, i - 12) + 56);
      if (u32(z64, 0) !== 0x06064b50) throw new ZipError('its ZIP64 directory is damaged');
      [count, size, offset] = [u64(z64, 32), u64(z64, 40), u64(z64, 48)];
    }
    return { offset, size, count };
  }
  throw new ZipError('it is not a readable zip archive (no central directory found)');
}

export async function listZip(zip: RandomAccess): Promise<ZipEntry[]> {
  const dir = await findDirectory(zip);
  if (dir.offset + dir.size > zip.size)
    throw new ZipError('it is truncated (the directory points past its end)');
  const bytes = await zip.read(dir.offset, dir.offset + dir.size);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < dir.count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError('its directory is damaged');
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const entry: ZipEntry = {
      path: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      encrypted: (u16(bytes, p + 8) & 1) === 1,
    };
    readZip64Extra(bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + u16(bytes, p + 32);
  }
  return entries;
}

function readZip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  for (let q = 0; q + 4 <= extra.length; q += 4 + u16(extra, q + 2)) {
    if (u16(extra, q) !== 0x0001) continue;
    let r = q + 4;
    if (entry.size === 0xffffffff) [entry.size, r] = [u64(extra, r), r + 8];
    if (entry.compressedSize === 0xffffffff) [entry.compressedSize, r] = [u64(extra, r), r + 8];
    if (entry.localOffset === 0xffffffff) entry.localOffset = u64(extra, r);
  }
}

/** Refuses archives we cannot or should not unpack, before reading any entry. */
export function checkZip(entries: ZipEntry[], limit = MAX_UNZIPPED_BYTES): void {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > limit) {
    const gb = (x: number) => `${(x / 1024 ** 3).toFixed(1)} GB`;
    throw new ZipError(
      `its files would unpack to ${gb(total)}, more than the ${gb(limit)} this tool accepts`,
    );
  }
}

/** One entry as a SourceFile that inflates as it is read. */
export function zipEntrySource(zip: RandomAccess, entry: ZipEntry): SourceFile {
  const dataStart = async () => {
    const local = await zip.read(entry.localOffset, entry.localOffset + 30);
    if (u32(local, 0) !== 0x04034b50) throw new ZipError(`the entry ${entry.path} is damaged`);
    return entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
  };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (entry.encrypted) throw entryError(entry, 'is encrypted');
    if (entry.method !== 0 && entry.method !== 8)
      throw entryError(entry, `uses an unsupported compression method (${entry.method})`);
    const start = await dataStart();
    const end = start + entry.compressedSize;
    // A directory may claim gigabytes of data the file does not have: reading up to that end
    // would go on for ever (each read past the end is empty).
    if (end > zip.size)
      throw entryError(
        entry,
        `is damaged (the zip's directory says its data takes ${entry.compressedSize.toLocaleString('en-US')} bytes, past the end of the file)`,
      );
    const read = async (pos: number, to: number) => {
      const bytes = await zip.read(pos, to);
      if (bytes.length < to - pos) throw entryError(entry, 'is damaged (its data ends early)');
      return bytes;
    };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw entryError(entry, 'is damaged (its stored size does not match the size it claims)');
      for (let pos = start; pos < end; pos += CHUNK_BYTES)
        yield await read(pos, Math.min(end, pos + CHUNK_BYTES));
      return;
    }
    let out: Uint8Array[] = [];
    let produced = 0;
    const inflate = new Inflate((data) => {
      produced += data.length;
      if (produced > entry.size)
        throw entryError(entry, `unpacks to more than the ${entry.size} bytes it claims`);
      out.push(data);
    });
    // fflate hands on what one push inflates all at once, and deflate can expand a read a
    // thousandfold: pushed in small steps, an entry that lies about its size is stopped early.
    const push = (data: Uint8Array, final: boolean) => {
      try {
        inflate.push(data, final);
      } catch (error) {
        if (error instanceof ZipError) throw error;
        throw entryError(entry, `is damaged (${error instanceof Error ? error.message : error})`);
      }
    };
    for (let pos = start; pos < end; pos += CHUNK_BYTES) {
      const next = Math.min(end, pos + CHUNK_BYTES);
      const data = await read(pos, next);
      // Each step's output is handed on before the next step: 256 KiB of deflate can hold 260 MB.
      for (let at = 0; at < data.length; at += INFLATE_STEP) {
        const stepEnd = Math.min(data.length, at + INFLATE_STEP);
        push(data.subarray(at, stepEnd), next === end && stepEnd === data.length);
        const ready = out;
        out = [];
        for (const piece of ready) yield piece;
      }
    }
    if (start === end) push(new Uint8Array(0), true);
    for (const piece of out) yield piece;
  }
  return {
    path: entry.path,
    size: entry.size,
    chunks,
    async head(maxBytes) {
      const parts: Uint8Array[] = [];
      let n = 0;
      for await (const piece of chunks()) {
        parts.push(piece);
        n += piece.length;
        if (n >= maxBytes) break;
      }
      const all = new Uint8Array(n);
      let o = 0;
      for (const piece of parts) {
        all.set(piece, o);
        o += piece.length;
      }
      return all.subarray(0, Math.min(n, maxBytes));
    },
  };
}

/**
 * SHA-256 of whole Blobs, for the second worker (hasher.worker.ts): it hashes the files the first
 * worker is parsing, so the hash costs the parsing thread nothing. Files are hashed one at a time,
 * in the order asked. A file up to `wholeMaxBytes` is read whole and hashed by the browser's own
 * SHA-256 (Web Crypto cannot hash a stream); a larger one is read in large slices (each Blob read has
 * a fixed cost in a browser) and hashed by the factory given (docs/dev/performance.md).
 */
import type { HashFactory } from '../core/input/hash.ts';

/** 4 MiB: the parsing reads 256 KiB at a time; hashing needs no text, so fewer, larger reads. */
export const HASH_SLICE_BYTES = 4 << 20;

/**
 * 128 MiB: every file of a 100 000-student district (the largest, 62 MB). Web Crypto hashes about
 * 3.5 × faster than hash-wasm here, which leaves the second core to the browser and the garbage
 * collector; above this the file's copy in memory would cost more than the time saved is worth.
 */
export const WHOLE_HASH_MAX_BYTES = 128 << 20;

/** The SHA-256 of bytes held whole, lower-case hex. */
export type WholeDigest = (bytes: ArrayBuffer) => Promise<string>;

/** Web Crypto's SHA-256, or null where there is none (a page served over plain HTTP has no `crypto.subtle`). */
export function webCryptoDigest(): WholeDigest | null {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return async (bytes) => {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
    let hex = '';
    for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
    return hex;
  };
}

export interface BlobHashOptions {
  sliceBytes?: number;
  /** Files up to `wholeMaxBytes` are hashed whole by this; null: every file in slices. */
  whole?: WholeDigest | null;
  wholeMaxBytes?: number;
}

export async function sha256OfBlob(
  blob: Blob,
  hash: HashFactory,
  options: BlobHashOptions = {},
): Promise<string> {
  const { sliceBytes = HASH_SLICE_BYTES, whole = null, wholeMaxBytes = WHOLE_HASH_MAX_BYTES } = options;
  if (whole && blob.size <= wholeMaxBytes) {
    const bytes = await blob.arrayBuffer().catch((error: unknown) => {
      // No room for the whole file (V8's "Array buffer allocation failed"): hash it in slices instead.
      if (error instanceof RangeError) return null;
      throw error;
    });
    if (bytes) return whole(bytes);
  }
  const h = hash();
  try {
    for (let pos = 0; pos < blob.size; pos += sliceBytes)
      h.update(new Uint8Array(await blob.slice(pos, pos + sliceBytes).arrayBuffer()));
  } catch (error) {
    h.digest(); // ends the hash: a reused state (fastSha256's) is free for the next file
    throw error;
  }
  return h.digest();
}

export interface BlobHasher {
  sha256(blob: Blob): Promise<string>;
}

/**
 * One file at a time, in the order asked: the digest the engine waits for first is done first, a
 * hash factory that reuses one state (hash-wasm's) is never used by two files at once, and at most one
 * file is held whole.
 */
export function blobHasher(hash: HashFactory | Promise<HashFactory>, options?: BlobHashOptions): BlobHasher {
  let last: Promise<unknown> = Promise.resolve();
  return {
    sha256(blob) {
      const digest = last.then(async () => sha256OfBlob(blob, await hash, options));
      last = digest.catch(() => {});
      return digest;
    },
  };
}

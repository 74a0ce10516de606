/**
 * SHA-256 of whole Blobs, for the second worker (hasher.worker.ts): it hashes the files the first
 * worker is parsing, so the hash costs the parsing thread nothing. Files are hashed one at a time,
 * in the order asked, read in large slices (each Blob read has a fixed cost in a browser).
 */
import type { HashFactory } from '../core/input/hash.ts';

/** 4 MiB: the parsing reads 256 KiB at a time; hashing needs no text, so fewer, larger reads. */
export const HASH_SLICE_BYTES = 4 << 20;

export async function sha256OfBlob(
  blob: Blob,
  hash: HashFactory,
  sliceBytes = HASH_SLICE_BYTES,
): Promise<string> {
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
 * One file at a time, in the order asked: the digest the engine waits for first is done first, and a
 * hash factory that reuses one state (hash-wasm's) is never used by two files at once.
 */
export function blobHasher(hash: HashFactory | Promise<HashFactory>, sliceBytes?: number): BlobHasher {
  let last: Promise<unknown> = Promise.resolve();
  return {
    sha256(blob) {
      const digest = last.then(async () => sha256OfBlob(blob, await hash, sliceBytes));
      last = digest.catch(() => {});
      return digest;
    },
  };
}

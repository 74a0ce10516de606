/** SHA-256 of each file as it streams (report.md `files[].sha256`). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { SourceFile } from './source.ts';

export interface IncrementalHash {
  update(bytes: Uint8Array): void;
  /** Lower-case hex. */
  digest(): string;
}

export type HashFactory = () => IncrementalHash;

/** Pure JavaScript, for the browser worker (WebCrypto cannot hash a stream). Node uses node:crypto. */
export const jsSha256: HashFactory = () => {
  const h = sha256.create();
  return {
    update: (bytes) => void h.update(bytes),
    digest: () => bytesToHex(h.digest()),
  };
};

/**
 * A file's SHA-256 computed elsewhere while the engine reads it (the browser's second worker hashing
 * the same Blob), or null for a file the engine hashes as it reads (a zip entry, in-memory bytes).
 */
export type RemoteDigest = (source: SourceFile) => Promise<string> | null;

/** Stands in for the hash of a file whose digest comes from elsewhere. */
export const noHash: HashFactory = () => ({ update: () => {}, digest: () => '' });

/** The SHA-256 of a whole source, read again from its first byte (what a failed remote digest falls back to). */
export async function hashSource(source: SourceFile, hash: HashFactory): Promise<string> {
  const h = hash();
  try {
    for await (const chunk of source.chunks()) h.update(chunk);
  } catch {
    // As when reading: the digest of the bytes that could be read (the file is reported unreadable).
  }
  return h.digest();
}

/** SHA-256 of each file as it streams (report.md `files[].sha256`). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

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

/**
 * The fastest SHA-256 the worker can have: hash-wasm's WebAssembly (about 1.8 × @noble/hashes on this
 * machine), else @noble/hashes where WebAssembly may not be compiled (a Content-Security-Policy
 * without 'wasm-unsafe-eval' on the worker's script; see docs/dev/decisions.md, "The site").
 */
import { createSHA256 } from 'hash-wasm';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';

/** One WebAssembly state, reset for each file: callers hash one file at a time (blobHasher). */
export async function fastSha256(): Promise<HashFactory> {
  try {
    const wasm = await createSHA256();
    return () => {
      wasm.init();
      return { update: (bytes) => void wasm.update(bytes), digest: () => wasm.digest('hex') };
    };
  } catch {
    return jsSha256;
  }
}

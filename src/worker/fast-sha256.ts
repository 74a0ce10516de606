/**
 * The fastest SHA-256 the worker can have: hash-wasm's WebAssembly (about 1.8 × @noble/hashes on this
 * machine), else @noble/hashes where WebAssembly may not be compiled (a Content-Security-Policy
 * without 'wasm-unsafe-eval' on the worker's script; see docs/dev/decisions.md, "The site").
 */
import { createSHA256 } from 'hash-wasm';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';

/**
 * One WebAssembly state, reset for each file, held from hash() to digest(): a reader that fails must
 * still call digest(), or every later file gets @noble/hashes (blob-hasher.ts, read-file.ts do). A file begun while another is being hashed (two runs
 * interleaved in one worker) gets @noble/hashes instead: the same digest, never a shared state.
 */
export async function fastSha256(): Promise<HashFactory> {
  let wasm;
  try {
    wasm = await createSHA256();
  } catch {
    return jsSha256;
  }
  const state = wasm;
  let inUse = false;
  return () => {
    if (inUse) return jsSha256();
    inUse = true;
    state.init();
    return {
      update: (bytes) => void state.update(bytes),
      digest: () => {
        inUse = false;
        return state.digest('hex');
      },
    };
  };
}

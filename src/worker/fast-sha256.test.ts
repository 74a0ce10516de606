import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';
import { fastSha256 } from './fast-sha256.ts';

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0, x = seed; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

/** The digest of `data` fed to `hash` in chunks of `chunk` bytes, as a file streams. */
function digestOf(hash: HashFactory, data: Uint8Array, chunk: number): string {
  const h = hash();
  for (let i = 0; i < data.length; i += chunk) h.update(data.subarray(i, i + chunk));
  return h.digest();
}

describe('fastSha256', () => {
  it('is hash-wasm’s WebAssembly where it may be compiled', async () => {
    expect(await fastSha256()).not.toBe(jsSha256);
  });

  it('gives node:crypto’s (and @noble/hashes’) digest, whatever the chunks, file after file', async () => {
    const fast = await fastSha256();
    for (const length of [0, 1, 55, 56, 63, 64, 65, 1000, 100_003])
      for (const chunk of [1, 7, 64, 4096, 1 << 18]) {
        if (chunk === 1 && length > 1000) continue;
        const data = bytes(length, length + chunk);
        const expected = nodeSha256(data);
        expect(digestOf(fast, data, chunk), `${length}/${chunk}`).toBe(expected);
        expect(digestOf(jsSha256, data, chunk), `${length}/${chunk}`).toBe(expected);
      }
  });

  it('gives a file begun while another is being hashed its own state: both digests right', async () => {
    const hash = await fastSha256();
    const [a, b] = [bytes(5000, 7), bytes(3000, 8)];
    const ha = hash();
    const hb = hash();
    for (let i = 0; i < 5000; i += 1000) {
      ha.update(a.subarray(i, i + 1000));
      if (i < 3000) hb.update(b.subarray(i, i + 1000));
    }
    expect([ha.digest(), hb.digest()]).toEqual([nodeSha256(a), nodeSha256(b)]);
    expect(digestOf(hash, b, 100)).toBe(nodeSha256(b));
  });

  it('falls back to @noble/hashes when WebAssembly is refused (a policy without wasm-unsafe-eval)', async () => {
    vi.resetModules();
    vi.doMock('hash-wasm', () => ({
      createSHA256: () => Promise.reject(new Error('WebAssembly.compile(): refused by the policy')),
    }));
    try {
      const { fastSha256: refused } = await import('./fast-sha256.ts');
      const { jsSha256: noble } = await import('../core/input/hash.ts');
      expect(await refused()).toBe(noble);
    } finally {
      vi.doUnmock('hash-wasm');
      vi.resetModules();
    }
  });
});

describe('fastSha256 after a file that cannot be read', () => {
  it('gives the next file the WebAssembly state again', async () => {
    vi.resetModules();
    let states = 0;
    vi.doMock('hash-wasm', async (importOriginal) => {
      const real = await importOriginal<typeof import('hash-wasm')>();
      return {
        createSHA256: async () => {
          const state = await real.createSHA256();
          const init = state.init.bind(state);
          state.init = () => (states++, init());
          return state;
        },
      };
    });
    try {
      const { fastSha256: fresh } = await import('./fast-sha256.ts');
      const { sha256OfBlob } = await import('./blob-hasher.ts');
      const hash = await fresh();
      const broken = new Blob([bytes(100) as BlobPart]);
      broken.slice = () => ({ arrayBuffer: () => Promise.reject(new Error('gone')) }) as unknown as Blob;
      await expect(sha256OfBlob(broken, hash)).rejects.toThrow('gone');
      const data = bytes(1000, 3);
      expect(await sha256OfBlob(new Blob([data as BlobPart]), hash)).toBe(nodeSha256(data));
      // Both files had the WebAssembly state: the failed one let it go.
      expect(states).toBe(2);
    } finally {
      vi.doUnmock('hash-wasm');
      vi.resetModules();
    }
  });
});

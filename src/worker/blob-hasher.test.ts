import { createHash } from 'node:crypto';
import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';
import { blobHasher, sha256OfBlob, webCryptoDigest, WHOLE_HASH_MAX_BYTES } from './blob-hasher.ts';
import { fastSha256 } from './fast-sha256.ts';

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const blobOf = (bytes: Uint8Array) => new NodeBlob([bytes]) as unknown as Blob;

function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0, x = seed; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('sha256OfBlob', () => {
  it('gives node:crypto’s digest with either hash, whatever the slices', async () => {
    const fast = await fastSha256();
    for (const length of [0, 1, 63, 64, 65, 1000, 100_003])
      for (const slice of [1, 7, 64, 4096, 1 << 22]) {
        if (slice === 1 && length > 1000) continue;
        const data = bytes(length, length + slice);
        const expected = nodeSha256(data);
        expect(await sha256OfBlob(blobOf(data), jsSha256, { sliceBytes: slice }), `${length}/${slice}`).toBe(
          expected,
        );
        expect(await sha256OfBlob(blobOf(data), fast, { sliceBytes: slice }), `${length}/${slice}`).toBe(
          expected,
        );
      }
  });

  it('reads the Blob in slices of the size given, never whole', async () => {
    const data = bytes(10_000);
    const blob = blobOf(data);
    const slice = vi.spyOn(blob, 'slice');
    await sha256OfBlob(blob, jsSha256, { sliceBytes: 4096 });
    expect(slice.mock.calls).toEqual([
      [0, 4096],
      [4096, 8192],
      [8192, 12288],
    ]);
  });
});

describe('sha256OfBlob with a whole-file digest (Web Crypto)', () => {
  const web = webCryptoDigest();
  if (!web) throw new Error('Node 20 has Web Crypto: the test needs it');

  it('Web Crypto’s digest is node:crypto’s', async () => {
    for (const length of [0, 1, 55, 56, 64, 100_003]) {
      const data = bytes(length, length);
      expect(await web(data.slice().buffer)).toBe(nodeSha256(data));
    }
  });

  it('reads a file up to the limit whole and hashes it natively; a larger one in slices by the factory', async () => {
    const whole = vi.fn(web);
    const factory = vi.fn(jsSha256);
    const small = bytes(4096, 7);
    const large = bytes(4097, 8);
    const largeBlob = blobOf(large);
    const slice = vi.spyOn(largeBlob, 'slice');
    const options = { whole, wholeMaxBytes: 4096, sliceBytes: 1000 };
    expect(await sha256OfBlob(blobOf(small), factory, options)).toBe(nodeSha256(small));
    expect(whole).toHaveBeenCalledTimes(1);
    expect(factory).not.toHaveBeenCalled();
    expect(await sha256OfBlob(largeBlob, factory, options)).toBe(nodeSha256(large));
    expect(whole).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(slice).toHaveBeenCalledTimes(5);
  });

  it('without Web Crypto (a page over plain HTTP) every file goes through the factory', async () => {
    vi.stubGlobal('crypto', {});
    try {
      expect(webCryptoDigest()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
    const factory = vi.fn(jsSha256);
    const data = bytes(100);
    expect(await sha256OfBlob(blobOf(data), factory, { whole: null })).toBe(nodeSha256(data));
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('holds every file of a 100 000-student district whole, and no more', () => {
    expect(WHOLE_HASH_MAX_BYTES).toBeGreaterThanOrEqual(62_177_248); // its enrollments.csv
    expect(WHOLE_HASH_MAX_BYTES).toBeLessThanOrEqual(256 << 20);
  });

  it('a file with no room to be held whole is hashed in slices', async () => {
    const data = bytes(5000, 9);
    const blob = blobOf(data);
    blob.arrayBuffer = () => Promise.reject(new RangeError('Array buffer allocation failed'));
    const whole = vi.fn(web);
    expect(await sha256OfBlob(blob, jsSha256, { whole, sliceBytes: 1024 })).toBe(nodeSha256(data));
    expect(whole).not.toHaveBeenCalled();
  });

  it('a file that cannot be read whole rejects, and the next file is hashed', async () => {
    const hasher = blobHasher(jsSha256, { whole: web });
    const broken = blobOf(bytes(10));
    broken.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    const good = bytes(20);
    const [first, second] = await Promise.allSettled([hasher.sha256(broken), hasher.sha256(blobOf(good))]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: nodeSha256(good) });
  });
});

describe('blobHasher', () => {
  it('hashes one file at a time, in the order asked (a reused state is never shared)', async () => {
    let busy = false;
    let overlapped = false;
    // Like hash-wasm's factory: one state, reset for each file, which two files at once would mix.
    const oneState: HashFactory = () => {
      if (busy) overlapped = true;
      busy = true;
      const inner = jsSha256();
      return {
        update: (chunk) => inner.update(chunk),
        digest: () => {
          busy = false;
          return inner.digest();
        },
      };
    };
    const hasher = blobHasher(Promise.resolve(oneState), { sliceBytes: 1000 });
    const files = [bytes(50_000, 1), bytes(10, 2), bytes(30_000, 3)];
    const order: number[] = [];
    const digests = await Promise.all(
      files.map((f, i) => hasher.sha256(blobOf(f)).then((d) => (order.push(i), d))),
    );
    expect(digests).toEqual(files.map(nodeSha256));
    expect(order).toEqual([0, 1, 2]);
    expect(overlapped).toBe(false);
  });

  it('a file that cannot be read rejects its own digest only', async () => {
    const hasher = blobHasher(jsSha256);
    const broken = blobOf(bytes(10));
    broken.slice = () => {
      throw new Error('NotReadableError');
    };
    const good = bytes(20);
    const [first, second] = await Promise.allSettled([hasher.sha256(broken), hasher.sha256(blobOf(good))]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: nodeSha256(good) });
  });
});

/** The worker facade with a second worker hashing the chosen files (validator.worker.ts's set-up). */
import { createHash } from 'node:crypto';
import { Blob as NodeBlob } from 'node:buffer';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TODAY } from '../../tests/helpers.ts';
import { district, inputFiles } from '../../tests/fixtures/worker-district.ts';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';
import type { RunOutcome } from './api.ts';
import { blobHasher, type BlobHasher } from './blob-hasher.ts';
import { createValidator } from './validator.ts';

const files = district(3);
const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** blob-hasher.ts as the second worker runs it, counting the Blobs it is given. */
function hasher(): BlobHasher & { blobs: Blob[] } {
  const inner = blobHasher(jsSha256);
  const blobs: Blob[] = [];
  return { blobs, sha256: (blob) => (blobs.push(blob), inner.sha256(blob)) };
}

function ok(outcome: RunOutcome) {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe('the worker facade with a hashing worker', () => {
  it('hands each chosen file to it and reports the same digests and summary', async () => {
    const second = hasher();
    const request = { input: { kind: 'files' as const, files: inputFiles(files) }, now: TODAY.toISOString() };
    const withSecond = ok(await createValidator({ hasher: second }).run(request));
    const alone = ok(await createValidator().run(request));
    expect(second.blobs).toHaveLength(Object.keys(files).length);
    expect(request.input.files.every((f) => second.blobs.includes(f.blob))).toBe(true);
    expect(withSecond.summary.files.map((f) => [f.name, f.sha256])).toEqual(
      Object.entries(files).map(([name, text]) => [name, sha256(text)]),
    );
    expect({ ...withSecond.summary, generatedAt: '' }).toEqual({ ...alone.summary, generatedAt: '' });
  });

  it('does not give it a zip or its entries, nor the sample district', async () => {
    const second = hasher();
    const api = createValidator({ hasher: second });
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
    const zipped = ok(
      await api.run({
        input: {
          kind: 'files',
          files: [{ name: 'district.zip', blob: new NodeBlob([zip]) as unknown as Blob }],
        },
        now: TODAY.toISOString(),
      }),
    );
    expect(zipped.summary.files.map((f) => f.sha256)).toEqual(Object.values(files).map((t) => sha256(t)));
    ok(await api.run({ input: { kind: 'sample' }, now: TODAY.toISOString() }));
    expect(second.blobs).toEqual([]);
  });

  it('hashes a zip’s entries here with the hash it is given', async () => {
    let hashed = 0;
    const counting: HashFactory = () => {
      const h = jsSha256();
      return { update: (b) => (h.update(b), void (hashed += b.length)), digest: h.digest };
    };
    const api = createValidator({ hasher: hasher(), hash: Promise.resolve(counting) });
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
    const outcome = ok(
      await api.run({
        input: {
          kind: 'files',
          files: [{ name: 'district.zip', blob: new NodeBlob([zip]) as unknown as Blob }],
        },
        now: TODAY.toISOString(),
      }),
    );
    expect(outcome.summary.files.map((f) => f.sha256)).toEqual(Object.values(files).map((t) => sha256(t)));
    expect(hashed).toBe(Object.values(files).reduce((n, t) => n + strToU8(t).length, 0));
  });

  it('a hashing worker that fails costs nothing but time: the files are hashed here', async () => {
    const failing: BlobHasher = { sha256: () => Promise.reject(new Error('the hashing worker stopped')) };
    const request = { input: { kind: 'files' as const, files: inputFiles(files) }, now: TODAY.toISOString() };
    const outcome = ok(await createValidator({ hasher: failing }).run(request));
    expect(outcome.summary.files.map((f) => f.sha256)).toEqual(Object.values(files).map((t) => sha256(t)));
  });
});

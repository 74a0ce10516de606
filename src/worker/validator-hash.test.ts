/** The worker facade hashes files with the hash it is given (validator.worker.ts gives hash-wasm's). */
import { createHash } from 'node:crypto';
import { Blob as NodeBlob } from 'node:buffer';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TODAY } from '../../tests/helpers.ts';
import { district, inputFiles } from '../../tests/fixtures/worker-district.ts';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';
import type { RunInput, RunOutcome } from './api.ts';
import { fastSha256 } from './fast-sha256.ts';
import { createValidator } from './validator.ts';

const files = district(3);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const bytesOf = (texts: string[]) => texts.reduce((n, t) => n + strToU8(t).length, 0);

/** @noble/hashes, counting the bytes it is given. */
function counting() {
  const seen = { bytes: 0 };
  const hash: HashFactory = () => {
    const h = jsSha256();
    return { update: (b) => (h.update(b), void (seen.bytes += b.length)), digest: h.digest };
  };
  return { hash, seen };
}

async function summaryOf(input: RunInput, hash?: Promise<HashFactory>) {
  const outcome: RunOutcome = await createValidator({ hash }).run({ input, now: TODAY.toISOString() });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.summary;
}

describe('the worker facade’s hashing', () => {
  it('hashes chosen files with the hash given: node:crypto’s digests, the same summary', async () => {
    const { hash, seen } = counting();
    const input = { kind: 'files' as const, files: inputFiles(files) };
    const given = await summaryOf(input, Promise.resolve(hash));
    expect(seen.bytes).toBe(bytesOf(Object.values(files)));
    expect(given.files.map((f) => [f.name, f.sha256])).toEqual(
      Object.entries(files).map(([name, text]) => [name, sha256(text)]),
    );
    const plain = await summaryOf(input);
    const wasm = await summaryOf(input, fastSha256());
    for (const other of [plain, wasm])
      expect({ ...other, generatedAt: '' }).toEqual({ ...given, generatedAt: '' });
  });

  it('hashes a zip’s entries and the sample district with it too', async () => {
    const { hash, seen } = counting();
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
    const zipped = await summaryOf(
      { kind: 'files', files: [{ name: 'district.zip', blob: new NodeBlob([zip]) as unknown as Blob }] },
      Promise.resolve(hash),
    );
    expect(zipped.files.map((f) => f.sha256)).toEqual(Object.values(files).map(sha256));
    expect(seen.bytes).toBe(bytesOf(Object.values(files)));
    seen.bytes = 0;
    const sample = await summaryOf({ kind: 'sample' }, Promise.resolve(hash));
    expect(seen.bytes).toBeGreaterThan(0);
    expect(sample.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
  });
});

/** Files hashed elsewhere (the browser's second worker) while the engine reads them: `digest`. */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { filesOf, run } from '../../../tests/helpers.ts';
import { DISTRICTS, districtFiles } from '../../../tests/fixtures/districts.ts';
import { adapterFor } from '../formats/registry.ts';
import type { FormatId } from '../formats/types.ts';
import { jsSha256, type HashFactory } from '../input/hash.ts';
import { sourceFromBytes, type SourceFile } from '../input/source.ts';

const FORMATS = Object.keys(DISTRICTS) as FormatId[];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function bytesOf(source: SourceFile): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

/** A hash factory that counts the bytes it is given (the engine hashing as it reads). */
function counting() {
  const seen = { bytes: 0 };
  const hash: HashFactory = () => {
    const h = jsSha256();
    return { update: (b) => (h.update(b), void (seen.bytes += b.length)), digest: h.digest };
  };
  return { hash, seen };
}

/** Another thread's digest: node:crypto over the same bytes, answered after the reading is under way. */
const later = (source: SourceFile) =>
  new Promise<string>((resolve, reject) =>
    setTimeout(() => bytesOf(source).then((b) => resolve(sha256(b)), reject), 5),
  );

describe('validate with files hashed elsewhere', () => {
  it.each(FORMATS)(
    '%s: the same report and digests, and the engine hashes nothing itself',
    async (format) => {
      const files = { ...districtFiles(format), 'notes.csv': 'a,b\n1,2\n' };
      const plain = await run(files);
      const { hash, seen } = counting();
      const asked: string[] = [];
      const remote = await run(files, {
        hash,
        digest: (source) => (asked.push(source.path), later(source)),
      });
      expect(remote.summary).toEqual({ ...plain.summary, generatedAt: remote.summary.generatedAt });
      expect(remote.summary.files.map((f) => f.sha256)).toEqual(
        Object.values(files).map((text) => sha256(strToU8(text))),
      );
      expect(seen.bytes).toBe(0);
      expect([...asked].sort()).toEqual(Object.keys(files).sort());
    },
  );

  it('asks for each digest once, in reading order, before the first file is read', async () => {
    const files = districtFiles('oneroster-1.1');
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const asked: string[] = [];
    let readBeforeAsked = false;
    const hash: HashFactory = () => ({
      update: () => void (readBeforeAsked ||= asked.length < Object.keys(files).length),
      digest: () => '',
    });
    const sources = filesOf(reversed).map((s) => ({
      ...s,
      chunks: () => (asked.length < Object.keys(files).length && (readBeforeAsked = true), s.chunks()),
    }));
    const result = await run(sources, { hash, digest: (s) => (asked.push(s.path), later(s)) });
    const readingOrder = adapterFor('oneroster-1.1')!.files.map((spec) => spec.name);
    expect(asked).toEqual(readingOrder.filter((name) => name in files));
    expect(asked).not.toEqual(Object.keys(reversed));
    expect(result.summary.files.map((f) => f.sha256)).not.toContain('');
    expect(readBeforeAsked).toBe(false);
  });

  it('hashes a zip’s entries itself (only the chosen files have another thread’s digest)', async () => {
    const files = districtFiles('clever');
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
    const { hash, seen } = counting();
    const result = await run([sourceFromBytes('district.zip', zip)], {
      hash,
      digest: (source) => (source.zip ? null : later(source)),
    });
    expect(result.summary.files.map((f) => f.sha256)).toEqual(
      Object.values(files).map((text) => sha256(strToU8(text))),
    );
    expect(seen.bytes).toBe(Object.values(files).reduce((n, t) => n + strToU8(t).length, 0));
  });

  it('hashes a file itself when its digest fails (the second worker stopped)', async () => {
    const files = districtFiles('clever');
    const result = await run(files, {
      digest: (source) =>
        source.path === 'students.csv' ? Promise.reject(new Error('stopped')) : later(source),
    });
    expect(result.summary.files.map((f) => f.sha256)).toEqual(
      Object.values(files).map((text) => sha256(strToU8(text))),
    );
  });
});

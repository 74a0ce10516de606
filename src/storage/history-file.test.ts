import { describe, expect, it } from 'vitest';
import { EXPORT_KIND, ImportError } from './history-file.ts';
import { exportHistory, importHistory } from './transfer.ts';
import { everythingIn, storePerTest, storeTwoRuns } from '../../tests/fixtures/storage.ts';

const store = storePerTest();

const TUE = '2026-11-24T09:00:00.000Z';

describe('reading a history export', () => {
  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['another JSON file', '{"reportVersion":1,"findings":[]}', /not a Roster Check history/],
    ['a later export version', JSON.stringify({ kind: EXPORT_KIND, version: 9, runs: [] }), /version 9/],
    [
      'version "1", a string',
      JSON.stringify({ kind: EXPORT_KIND, version: '1', runs: [] }),
      /^This history export has version "1", written as text and not as a number; this page reads version 1\.$/,
    ],
    [
      'no version',
      JSON.stringify({ kind: EXPORT_KIND, runs: [] }),
      /has no version; this page reads version 1/,
    ],
  ])('refuses %s with a clear message', async (_, text, message) => {
    const error = await importHistory(store(), text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('importing a large export', () => {
  it('reads the file a slice at a time, a run at a time, with the same result', async () => {
    await storeTwoRuns(store());
    const before = await everythingIn(store());
    expect(before.map((r) => [r.head.chosen, r.head.formatForced])).toEqual([
      ['the folder export', true],
      ['district.zip', undefined],
    ]);
    const file = await exportHistory(store());
    await store().deleteAll();
    const slices: number[] = [];
    const sliced = new Proxy(file, {
      get: (blob, key) =>
        key === 'slice'
          ? (start: number, end: number) => (slices.push(start), blob.slice(start, end))
          : Reflect.get(blob, key, blob),
    });
    const result = await importHistory(store(), sliced, { chunkBytes: 997, maxRunBytes: 4 << 20 });
    expect(result).toEqual({ added: 2, duplicates: 0, invalid: 0, problems: [] });
    expect(await everythingIn(store())).toEqual(before);
    expect(slices.length).toBe(2 * Math.ceil(file.size / 997)); // two passes, never the whole file
  });

  it('skips a run too large to read as one string, names it, and imports the others', async () => {
    await storeTwoRuns(store());
    const file = await exportHistory(store());
    await store().deleteAll();
    const result = await importHistory(store(), file, { chunkBytes: 4096, maxRunBytes: 100_000 });
    expect(result).toMatchObject({ added: 1, invalid: 1 });
    expect(result.problems).toEqual([
      expect.stringMatching(/^run 1: \d+ MB, too large to import in this browser$/),
    ]);
    expect((await store().runs()).map((r) => r.at)).toEqual([TUE]);
  });

  it('says a file whose other parts are too large is too large, never "not JSON"', async () => {
    const text = JSON.stringify({ kind: EXPORT_KIND, version: 1, districts: ['x'.repeat(2000)], runs: [] });
    const error = await importHistory(store(), text, { chunkBytes: 64, maxRunBytes: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/too large/);
    expect((error as Error).message).not.toMatch(/not JSON/);
  });

  it('says a file cut short ends early', async () => {
    await storeTwoRuns(store());
    const text = await (await exportHistory(store())).text();
    const error = await importHistory(store(), text.slice(0, -50)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/ends before the export does/);
  });
});

import { deflateSync, Inflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { RandomAccess } from './source.ts';
import { checkZip, listZip, MAX_UNZIPPED_BYTES, ZipError, zipEntrySource } from './zip.ts';

/** Random access over bytes that records every range read. */
function access(bytes: Uint8Array): RandomAccess & { reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = [];
  return { size: bytes.length, reads, read: async (s, e) => (reads.push([s, e]), bytes.slice(s, e)) };
}

interface HandEntry {
  path: string;
  data: Uint8Array;
  deflate?: boolean;
  /** Uncompressed size written in the directory, when it should lie. */
  claim?: number;
}

/** An entry's error: its message names it, its detail says "it" (to follow the name in a finding). */
const entryError = (path: string, what: string) =>
  Object.assign(new ZipError(`${path} ${what}`), { detail: `it ${what}` });

/** A zip built byte by byte, so the directory can say what a test needs (ZIP64 sizes when large). */
function handZip(entries: HandEntry[]): Uint8Array {
  const parts: number[] = [];
  /** Little-endian fields, each given as [value, byte count]. */
  const put = (...fields: Array<[number, number]>) => {
    for (const [n, bytes] of fields)
      for (let i = 0; i < bytes; i++) parts.push(Math.floor(n / 256 ** i) % 256);
  };
  const central: Array<() => void> = [];
  for (const e of entries) {
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const name = strToU8(e.path);
    const claim = e.claim ?? e.data.length;
    const zip64 = claim >= 0xffffffff;
    const method = e.deflate ? 8 : 0;
    const offset = parts.length;
    // Local header: signature, version, flags, method, time+date+crc (left 0), sizes, name length, extra length.
    put([0x04034b50, 4], [20, 2], [0, 2], [method, 2], [0, 8]);
    put([body.length, 4], [zip64 ? 0xffffffff : claim, 4], [name.length, 2], [0, 2]);
    parts.push(...name, ...body);
    central.push(() => {
      put([0x02014b50, 4], [45, 2], [45, 2], [0, 2], [method, 2], [0, 8]);
      put([zip64 ? 0xffffffff : body.length, 4], [zip64 ? 0xffffffff : claim, 4]);
      // Name, extra and comment lengths, disk, attributes, local header offset.
      put([name.length, 2], [zip64 ? 20 : 0, 2], [0, 2], [0, 8], [offset, 4]);
      parts.push(...name);
      if (zip64) put([0x0001, 2], [16, 2], [claim, 8], [body.length, 8]);
    });
  }
  const dirStart = parts.length;
  for (const write of central) write();
  const dirSize = parts.length - dirStart;
  put([0x06054b50, 4], [0, 4], [entries.length, 2], [entries.length, 2], [dirSize, 4], [dirStart, 4], [0, 2]);
  return new Uint8Array(parts);
}

const text = (n: number) => strToU8(Array.from({ length: n }, (_, i) => `row ${i},value ${i}\n`).join(''));

async function readAll(source: { chunks(): AsyncIterable<Uint8Array> }): Promise<string> {
  const pieces: Uint8Array[] = [];
  for await (const piece of source.chunks()) pieces.push(piece);
  return new TextDecoder().decode(Buffer.concat(pieces));
}

describe('listZip and zipEntrySource', () => {
  const users = text(5000);
  const schools = strToU8('id,name\n1,North\n');
  const built: Array<[string, Uint8Array]> = [
    [
      'fflate, stored',
      zipSync({ 'users.csv': [users, { level: 0 }], 'x/schools.csv': [schools, { level: 0 }] }),
    ],
    [
      'fflate, deflated',
      zipSync({ 'users.csv': [users, { level: 6 }], 'x/schools.csv': [schools, { level: 9 }] }),
    ],
    [
      'by hand',
      handZip([
        { path: 'users.csv', data: users, deflate: true },
        { path: 'x/schools.csv', data: schools },
      ]),
    ],
  ];

  it.each(built)('%s: lists the entries and reads them back', async (_label, bytes) => {
    const zip = access(bytes);
    const entries = await listZip(zip);
    expect(entries.map((e) => [e.path, e.size, e.encrypted])).toEqual([
      ['users.csv', users.length, false],
      ['x/schools.csv', schools.length, false],
    ]);
    expect(await readAll(zipEntrySource(zip, entries[0]))).toBe(new TextDecoder().decode(users));
    expect(await readAll(zipEntrySource(zip, entries[1]))).toBe('id,name\n1,North\n');
    const head = await zipEntrySource(zip, entries[0]).head(100);
    expect(new TextDecoder().decode(head)).toBe(new TextDecoder().decode(users.subarray(0, 100)));
  });

  it('reads an empty entry', async () => {
    for (const level of [0, 6] as const) {
      const zip = access(zipSync({ 'classes.csv': [new Uint8Array(0), { level }] }));
      const [entry] = await listZip(zip);
      expect(await readAll(zipEntrySource(zip, entry))).toBe('');
    }
  });

  it('refuses an archive whose directory claims 10 GB, before reading any entry', async () => {
    // Incompressible data, so the entry's local header lies outside the tail read to find the directory.
    let seed = 42;
    const noise = Uint8Array.from(
      { length: 100_000 },
      () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24,
    );
    const zip = access(handZip([{ path: 'users.csv', data: noise, deflate: true, claim: 10 * 1024 ** 3 }]));
    const entries = await listZip(zip);
    expect(entries[0].size).toBe(10 * 1024 ** 3);
    expect(() => checkZip(entries)).toThrow(
      new ZipError('its files would unpack to 10.0 GB, more than the 4.0 GB this tool accepts'),
    );
    // Only the end of the file (the directory) was read, never the entry's header or data.
    expect(zip.size).toBeGreaterThan(70_000);
    expect(zip.reads.every(([start]) => start > entries[0].localOffset + 30)).toBe(true);
  });

  it('accepts archives up to the limit, counting every entry', () => {
    const entry = { path: 'a.csv', method: 8, compressedSize: 1, localOffset: 0, encrypted: false };
    expect(() => checkZip([{ ...entry, size: MAX_UNZIPPED_BYTES }])).not.toThrow();
    expect(() =>
      checkZip(
        [
          { ...entry, size: 100 },
          { ...entry, size: 101 },
        ],
        200,
      ),
    ).toThrow(ZipError);
  });

  it('stops an entry that inflates to more than it claims', async () => {
    const zip = access(handZip([{ path: 'users.csv', data: text(5000), deflate: true, claim: 1000 }]));
    const [entry] = await listZip(zip);
    await expect(readAll(zipEntrySource(zip, entry))).rejects.toThrow(
      'users.csv unpacks to more than the 1000 bytes it claims',
    );
  });

  it('stops such an entry within a few MB, not after inflating a whole read', async () => {
    // 40 MB of zeros deflate to about 40 KB: less than one read, more than one step of inflating.
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const zip = access(handZip([{ path: 'users.csv', data: zeros, deflate: true, claim: 50 }]));
    const [entry] = await listZip(zip);
    const push = vi.spyOn(Inflate.prototype, 'push');
    try {
      const error = await readAll(zipEntrySource(zip, entry)).catch((e: unknown) => e);
      expect(error).toEqual(entryError('users.csv', 'unpacks to more than the 50 bytes it claims'));
      const inflated = push.mock.calls.reduce((n, [chunk]) => n + chunk.length, 0);
      expect(inflated).toBeLessThanOrEqual(16 * 1024);
      expect(entry.compressedSize).toBeGreaterThan(32 * 1024);
    } finally {
      push.mockRestore();
    }
  });

  it.each<[string, Uint8Array, string]>([
    ['garbage', strToU8('this is not a zip at all'), 'no central directory found'],
    ['empty', new Uint8Array(0), 'no central directory found'],
    ['cut in the middle', zipSync({ 'a.csv': text(500) }).subarray(0, 200), 'no central directory found'],
  ])('refuses a %s archive with a clear message', async (_label, bytes, message) => {
    await expect(listZip(access(bytes))).rejects.toThrow(
      new ZipError(`it is not a readable zip archive (${message})`),
    );
  });

  it('refuses an archive whose directory points past its end', async () => {
    const bytes = zipSync({ 'a.csv': text(500) });
    // Drop bytes before the directory: its recorded offset now lies beyond the end.
    const cut = new Uint8Array([...bytes.subarray(0, 40), ...bytes.subarray(bytes.length - 22 - 55)]);
    await expect(listZip(access(cut))).rejects.toThrow('it is truncated (the directory points past its end)');
  });

  it('reports damaged deflate data as an error while reading', async () => {
    const bytes = handZip([{ path: 'a.csv', data: text(2000), deflate: true }]);
    const zip = access(bytes);
    const [entry] = await listZip(zip);
    const damaged = bytes.slice();
    damaged.fill(0xff, 40, 40 + 200);
    await expect(readAll(zipEntrySource(access(damaged), entry))).rejects.toThrow(
      entryError('a.csv', 'is damaged (invalid length/literal)'),
    );
    await expect(readAll(zipEntrySource(zip, { ...entry, compressedSize: 20 }))).rejects.toThrow(
      entryError('a.csv', 'is damaged (unexpected EOF)'),
    );
  });

  it('refuses a stored entry whose sizes disagree', async () => {
    const zip = access(handZip([{ path: 'a.csv', data: text(20), claim: 10 }]));
    const [entry] = await listZip(zip);
    await expect(readAll(zipEntrySource(zip, entry))).rejects.toThrow(
      entryError('a.csv', 'is damaged (its stored size does not match the size it claims)'),
    );
  });

  it('refuses encrypted entries and unknown compression methods when read', async () => {
    const zip = access(zipSync({ 'a.csv': text(5) }));
    const [entry] = await listZip(zip);
    await expect(readAll(zipEntrySource(zip, { ...entry, encrypted: true }))).rejects.toThrow(
      'a.csv is encrypted',
    );
    await expect(readAll(zipEntrySource(zip, { ...entry, method: 14 }))).rejects.toThrow(
      'a.csv uses an unsupported compression method (14)',
    );
  });
});

describe('an entry whose directory claims more compressed data than the zip holds', () => {
  // The data is a few hundred bytes; reading up to the claimed end read empty chunks for ever.
  it.each([
    ['2 GB', 2 ** 31, false],
    ['4 GB − 2', 2 ** 32 - 2, false],
    ['2^45 in a ZIP64 extra field', 2 ** 45, true],
  ])('%s: read as damaged, after a few reads', async (_, claimed, zip64) => {
    const bytes = zipClaiming(claimed, zip64);
    const zip = access(bytes);
    // Counted, not timed: without the check this read empty chunks until the claimed end.
    const budget = {
      ...zip,
      read: (s: number, e: number) => (zip.reads.length > 50 ? fail() : zip.read(s, e)),
    };
    const [entry] = await listZip(zip);
    expect(entry.compressedSize).toBe(claimed);
    const reads = zip.reads.length;
    const damaged = entryError(
      'a.csv',
      `is damaged (the zip's directory says its data takes ${claimed.toLocaleString('en-US')} bytes, past the end of the file)`,
    );
    await expect(readAll(zipEntrySource(budget, entry))).rejects.toThrow(damaged);
    await expect(zipEntrySource(budget, entry).head(100)).rejects.toThrow(damaged);
    expect(zip.reads.length - reads).toBeLessThanOrEqual(2);
  });

  it('a read that comes back short (the file shrank) is damaged, not the end', async () => {
    const bytes = zipSync({ 'a.csv': text(2000) }, { level: 0 });
    const zip = access(bytes);
    const [entry] = await listZip(zip);
    const shrunk: RandomAccess = {
      size: bytes.length,
      read: async (s, e) => bytes.slice(s, Math.min(e, 100)),
    };
    await expect(readAll(zipEntrySource(shrunk, entry))).rejects.toThrow(
      entryError('a.csv', 'is damaged (its data ends early)'),
    );
  });
});

const fail = (): never => {
  throw new Error('read far past the end of the zip');
};

/** A deflated a.csv whose directory says its compressed data is `claimed` bytes (ZIP64: in an extra field). */
function zipClaiming(claimed: number, zip64: boolean): Uint8Array {
  const extra = new Uint8Array(8);
  new DataView(extra.buffer).setBigUint64(0, BigInt(claimed), true);
  const zip = zipSync({ 'a.csv': zip64 ? [text(20), { extra: { 1: extra } }] : text(20) });
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 46 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 20, zip64 ? 0xffffffff : claimed, true);
  return zip;
}

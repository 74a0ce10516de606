/**
 * Random bytes and CSV-like noise under the file names of every format, detected or forced: the
 * sniffer, decoder, CSV reader, zip reader and each adapter's reading path see input no exporter
 * would write.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ADAPTERS, FORMAT_IDS } from '../../src/core/formats/registry.ts';
import { checkEngine, holds, runs, timeout, type NamedBytes } from './kit.ts';

const NAMES = [
  ...new Set(ADAPTERS.flatMap((a) => a.files.map((f) => f.name))),
  'Students.CSV',
  'notes.txt',
  'roster.zip',
  'students.xlsx',
  'export/users.csv',
];
const HEADER_WORDS = [
  ...new Set(ADAPTERS.flatMap((a) => a.files.flatMap((f) => f.columns.map((c) => c.name)))),
];

/** Text made of the pieces CSV parsing cares about, plus header names so some rows look real. */
const csvNoise = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ',',
        ',',
        '"',
        '""',
        '\n',
        '\r',
        '\r\n',
        ' ',
        '\t',
        ';',
        '\u0000',
        '\uFEFF',
        '\u2028',
        'é',
        '😀',
      ),
      fc.constantFrom(...HEADER_WORDS),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 300 },
  )
  .map((parts) => new TextEncoder().encode(parts.join('')));

const zipMagic = fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0x50, 0x4b, 3, 4, ...b]));

const file: fc.Arbitrary<NamedBytes> = fc.record({
  name: fc.constantFrom(...NAMES),
  bytes: fc.oneof(fc.uint8Array({ maxLength: 2000 }), csvNoise, zipMagic),
});

describe('fuzz: random bytes', () => {
  it(
    'never throw out of the engine, detected or forced to any format',
    async () => {
      await holds(
        fc.asyncProperty(
          fc.array(file, { maxLength: 8 }),
          fc.option(fc.constantFrom(...FORMAT_IDS), { nil: undefined }),
          async (files, format) => void (await checkEngine(files, format)),
        ),
        runs(2000, 0.25),
      );
    },
    timeout(30_000),
  );
});

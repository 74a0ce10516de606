/**
 * Random records under each format's real file names and columns, with cells drawn from a small pool
 * of IDs, roles, dates, contacts and lists, so that references, duplicates, multi-school people,
 * parent links and removed records collide in ways no exporter plans: every adapter's logic, not
 * only its reading path.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ADAPTERS } from '../../src/core/formats/registry.ts';
import type { FileSpec, FormatAdapter } from '../../src/core/formats/types.ts';
import { csv } from '../helpers.ts';
import { checkEngine, holds, runs, timeout, type NamedBytes } from './kit.ts';

const POOL = [
  ...['s1', 's2', 'd1', 't1', 't2', 'st1', 'st2', 'p1', 'p2', 'c1', 'c2', 'co1', 'term1', ' t1 ', ''],
  ...['teacher', 'TEACHER', 'student', 'parent', 'guardian', 'relative', 'aide', 'administrator'],
  ...['owner', 'member', 'primary', 'active', 'tobedeleted', 'school', 'district', 'department'],
  ...['01/05/2012', '2012-01-05', '1/5/12', '02/30/2012', '2099-01-01', '1899-12-31'],
  ...['ada@x.org', 'ADA@X.ORG', 'bad@', '212-234-5678', '(212) 234-5678', '+44 20 7946 0958', '242-555-0100'],
  ...['N/A', 'Ada', 'Lovelace', 'x'.repeat(70), 'Join bit.ly/x7', 's1,s2', 'st1,p1', 'st1;st2', 't1,t2'],
  ...['Emergency', 'Secondary', 'Primary', 'oneroster.version', '1.1', '1.2', '1.2.1', 'true', 'false'],
  ...[
    '=HYPERLINK("http://x")',
    '<img src=x onerror=alert(1)>',
    'Robert "Bob" Smith',
    '__proto__',
    'constructor',
  ],
];
const cell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: fc.string() },
);

/** A file of the spec: its columns (some dropped, shuffled or doubled), then rows of pool cells. */
function fileOf(spec: FileSpec): fc.Arbitrary<NamedBytes> {
  const names = spec.columns.map((c) => c.name);
  const header = fc.oneof(
    { weight: 4, arbitrary: fc.constant(names) },
    { weight: 1, arbitrary: fc.shuffledSubarray([...names, 'extra', names[0]], { minLength: 1 }) },
  );
  return header.chain((columns) =>
    fc
      .array(fc.array(cell, { minLength: columns.length - 1, maxLength: columns.length + 1 }), {
        maxLength: 8,
      })
      .map((rows) => ({
        name: spec.name,
        // Most rows as wide as the header; some a cell short or long (row-columns).
        bytes: new TextEncoder().encode(csv([columns, ...rows])),
      })),
  );
}

function districtOf(adapter: FormatAdapter): fc.Arbitrary<NamedBytes[]> {
  const files = adapter.files.map((spec) =>
    fc.option(fileOf(spec), { freq: 6, nil: null }).map((f) => (f ? [f] : [])),
  );
  return fc.tuple(...files).map((parts) => parts.flat());
}

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('fuzz: random %s records', (_id, adapter) => {
  it(
    'never throw out of the engine, forced to the format or detected',
    async () => {
      await holds(
        fc.asyncProperty(districtOf(adapter), fc.boolean(), async (files, forced) => {
          await checkEngine(files, forced ? adapter.id : undefined);
        }),
        runs(500, 0.1),
      );
    },
    timeout(30_000),
  );
});

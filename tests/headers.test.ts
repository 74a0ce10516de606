import { describe, expect, it } from 'vitest';
import { adapterFor } from '../src/core/formats/registry.ts';
import { oneRosterHeader, REMIND_1_HEADERS, rowOf } from './fixtures/headers.ts';

/** The fixtures' headers are typed from the specification; the adapters must read exactly those. */
describe('the standard headers of the fixtures', () => {
  const columns = (format: 'remind-csv-1.0' | 'oneroster-1.1' | 'oneroster-1.2') =>
    Object.fromEntries(adapterFor(format)!.files.map((f) => [f.name, f.columns.map((c) => c.name)]));

  it('Remind CSV 1.0: the adapter’s files and columns', () => {
    expect(columns('remind-csv-1.0')).toEqual(REMIND_1_HEADERS);
  });

  it.each(['1.1', '1.2'] as const)('OneRoster %s: the adapter’s files and columns', (version) => {
    const adapter = columns(`oneroster-${version}`);
    for (const [file, header] of Object.entries(adapter))
      expect(oneRosterHeader(file, version), file).toEqual(header);
  });

  it('rowOf puts cells under their columns and refuses a column the header lacks', () => {
    expect(rowOf(['a', 'b', 'c'], { c: '3', a: '1' })).toEqual(['1', '', '3']);
    expect(() => rowOf(['a'], { z: '1' })).toThrow('no column z in a');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeQuotes } from './csv-record.ts';
import { CsvReader, csvWork, MAX_CELL_CHARS, type CsvRecord } from './csv.ts';
import { holds } from '../../../tests/fixtures/property-check.ts';

describe('unescapeQuotes', () => {
  it('is replace(/""/g, \'"\') on any part of any text, long cells and lone surrogates included (property)', () => {
    const unit = fc.constantFrom('"', '"', '"', 'a', ',', '\ud800', '\udc00', '😀');
    const text = fc.oneof(
      fc.string({ unit, maxLength: 40 }),
      // Longer than one 8192-character block, so pairs fall across the blocks' edges.
      fc.string({ unit, minLength: 8190, maxLength: 8200 }).map((s) => s + s),
    );
    holds(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const [from, to] = [a % (t.length + 1), b % (t.length + 1)].sort((x, y) => x - y);
        expect(unescapeQuotes(t, from, to)).toBe(t.slice(from, to).replace(/""/g, '"'));
      }),
      500,
    );
  });
});

describe('a huge quoted cell of doubled quotes', () => {
  const MB = 1024 * 1024;
  /** Reads `a,"<cell>",b` and a second row, fed in 64 KiB pieces. */
  function read(cell: string, onRow: (record: CsvRecord) => void = () => {}) {
    const tooLong: number[][] = [];
    const quotes: string[] = [];
    const reader = new CsvReader({
      row: onRow,
      quoteProblem: (_row, kind) => quotes.push(kind),
      cellTooLong: (row, column, length) => tooLong.push([row, column, length]),
    });
    const text = `a,"${cell}",b\n1,2,3\n`;
    const before = { ...csvWork };
    for (let at = 0; at < text.length; at += 1 << 16) reader.push(text.slice(at, at + (1 << 16)));
    reader.end();
    const work = {
      pushed: csvWork.pushed - before.pushed,
      parsed: csvWork.parsed - before.parsed,
      unescaped: csvWork.unescaped - before.unescaped,
    };
    return { tooLong, quotes, work, length: text.length };
  }

  it.each([
    ['x""', 'x"'],
    ['""', '"'],
  ])('of %s is measured without being built, in work linear in its size', (unit, value) => {
    const count = Math.floor((50 * MB) / unit.length);
    const built: boolean[] = [];
    const { tooLong, quotes, work, length } = read(unit.repeat(count), (record) =>
      built.push(record.unescaped !== null),
    );
    expect(built).toEqual([false, false]);
    expect(tooLong).toEqual([[1, 1, value.length * count]]);
    expect(quotes).toEqual([]);
    expect(value.length * count).toBeGreaterThan(MAX_CELL_CHARS);
    // Unescaping it at once with a regular expression took 4 to 9 s (and a gigabyte): it is not made at all.
    expect(work.unescaped).toBe(0);
    // Re-parsing the open record for each of the 800 pieces handed the parser some 20 G characters.
    expect(work.pushed).toBe(length);
    expect(work.parsed).toBeLessThanOrEqual(3 * length);
  });

  it('still gives its value when asked', () => {
    const count = MB;
    const seen: string[][] = [];
    read('x""'.repeat(count), (record) => seen.push(record.cells()));
    expect(seen[0][1]).toBe('x"'.repeat(count));
    expect(seen[1]).toEqual(['1', '2', '3']);
  });
});

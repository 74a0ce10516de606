import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PapaparseCsvReader } from '../../../tests/fixtures/papaparse-csv.ts';
import { CsvReader, MAX_CELL_CHARS, MAX_CELLS, type QuoteProblem } from './csv.ts';
import { holds } from '../../../tests/fixtures/property-check.ts';

interface Parsed {
  rows: Array<[number, string[]]>;
  quotes: Array<[number, QuoteProblem]>;
  tooLong: Array<[number, number, number]>;
}

/** Parses text given as chunks; `minFeedChars` 1 makes the reader hand every chunk on at once. */
function parse(chunks: string[], minFeedChars?: number): Parsed {
  const out: Parsed = { rows: [], quotes: [], tooLong: [] };
  const reader = new CsvReader(
    {
      row: (record) => out.rows.push([record.row, record.cells()]),
      quoteProblem: (row, kind) => out.quotes.push([row, kind]),
      cellTooLong: (row, column, length) => out.tooLong.push([row, column, length]),
    },
    minFeedChars,
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return out;
}

/** The same through papaparse itself (the reader this one replaced). */
function parseWithPapaparse(chunks: string[], minFeedChars?: number): Parsed {
  const out: Parsed = { rows: [], quotes: [], tooLong: [] };
  const reader = new PapaparseCsvReader(
    {
      row: (cells, row) => out.rows.push([row, cells]),
      quoteProblem: (row, kind) => out.quotes.push([row, kind]),
      cellTooLong: (row, column, length) => out.tooLong.push([row, column, length]),
    },
    minFeedChars,
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return out;
}

const cutAt = (text: string, cuts: number[]) =>
  [0, ...cuts, text.length].slice(1).map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));

describe('CsvReader line endings', () => {
  const expected: Parsed['rows'] = [
    [1, ['id', 'name']],
    [2, ['1', 'Ada']],
    [3, ['2', 'Bo']],
  ];
  it.each([
    ['LF', 'id,name\n1,Ada\n2,Bo\n'],
    ['CRLF', 'id,name\r\n1,Ada\r\n2,Bo\r\n'],
    ['bare CR', 'id,name\r1,Ada\r2,Bo\r'],
    ['mixed', 'id,name\r\n1,Ada\r2,Bo\n'],
    ['no line break at the end', 'id,name\n1,Ada\n2,Bo'],
  ])('%s', (_label, text) => {
    expect(parse([text]).rows).toEqual(expected);
  });

  it.each([
    ['CR | LF', ['id,name\r', '\n1,Ada\r\n2,Bo']],
    ['CR | LF | LF (a blank line follows)', ['id,name\r', '\n', '\n1,Ada\n2,Bo']],
    ['CR | CR', ['id,name\r', '\r1,Ada\n2,Bo']],
  ])('a line ending split across chunks: %s', (_label, chunks) => {
    const blank = chunks.length === 3 || chunks[1].startsWith('\r');
    const rows = parse(chunks, 1).rows;
    expect(rows).toEqual(blank ? [expected[0], [2, ['']], [3, ['1', 'Ada']], [4, ['2', 'Bo']]] : expected);
  });
});

describe('CsvReader cells and rows', () => {
  it.each<[string, string, Parsed['rows']]>([
    [
      'quoted comma',
      'a,b\n"x,y",z\n',
      [
        [1, ['a', 'b']],
        [2, ['x,y', 'z']],
      ],
    ],
    [
      'doubled quotes',
      'a,b\n"say ""hi""",z\n',
      [
        [1, ['a', 'b']],
        [2, ['say "hi"', 'z']],
      ],
    ],
    [
      'empty quoted cell',
      'a,b\n"",z\n',
      [
        [1, ['a', 'b']],
        [2, ['', 'z']],
      ],
    ],
    [
      'quoted line breaks keep the row count of a spreadsheet',
      'a,b\n"line 1\nline 2\r\nline 3",z\n3,4\n',
      [
        [1, ['a', 'b']],
        [2, ['line 1\nline 2\nline 3', 'z']],
        [3, ['3', '4']],
      ],
    ],
    [
      'blank lines are rows',
      'a,b\n\n1,2\n\n\n3,4\n',
      [
        [1, ['a', 'b']],
        [2, ['']],
        [3, ['1', '2']],
        [4, ['']],
        [5, ['']],
        [6, ['3', '4']],
      ],
    ],
    [
      'spaces kept in unquoted cells',
      'a,b\n x , y \n',
      [
        [1, ['a', 'b']],
        [2, [' x ', ' y ']],
      ],
    ],
    [
      'spaces after a closing quote',
      'a,b\n"x"  ,y\n',
      [
        [1, ['a', 'b']],
        [2, ['x', 'y']],
      ],
    ],
    [
      'short and long rows as written',
      'a,b\n1\n1,2,3\n',
      [
        [1, ['a', 'b']],
        [2, ['1']],
        [3, ['1', '2', '3']],
      ],
    ],
    ['empty input', '', []],
  ])('%s', (_label, text, rows) => {
    const parsed = parse([text]);
    expect(parsed.rows).toEqual(rows);
    expect(parsed.quotes).toEqual([]);
  });

  it.each([
    ['plain', ','.repeat(200_000)],
    ['with a quoted cell', '"a",' + ','.repeat(199_999)],
  ])('keeps the first MAX_CELLS cells of a row of 200 001 and counts the rest (%s)', (_, row) => {
    const seen: Array<[number, number, number, boolean]> = [];
    const reader = new CsvReader({
      row: (r) => seen.push([r.row, r.length, r.count, r.blank()]),
      quoteProblem: () => {},
      cellTooLong: () => {},
    });
    reader.push('a,b\n' + row + '\n1,2\n');
    reader.end();
    expect(seen).toEqual([
      [1, 2, 2, false],
      // Not blank: what its uncounted cells hold is not known.
      [2, MAX_CELLS, 200_001, false],
      [3, 2, 2, false],
    ]);
    expect(MAX_CELLS).toBeLessThan(200_001);
  });

  it.each([
    ['plain', ''],
    ['a quoted cell late in the row', '"q,r",'],
  ])('counts a 20 MB row of commas fed in 64 KiB pieces without holding its text (%s)', (_, late) => {
    const commas = 20 * 1024 * 1024;
    const seen: Array<[number, number, number, string]> = [];
    const reader = new CsvReader({
      row: (r) => seen.push([r.row, r.length, r.count, r.cell(0)]),
      quoteProblem: () => {},
      cellTooLong: () => {},
    });
    const piece = ','.repeat(1 << 16);
    reader.push('a,b\nfirst');
    let held = 0;
    for (let n = 0; n < commas; n += piece.length) {
      reader.push(piece);
      held = Math.max(held, (reader as unknown as { tail: string }).tail.length);
    }
    reader.push(late + 'z\n1,2\n');
    reader.end();
    const lateCells = late ? 1 : 0;
    expect(seen).toEqual([
      [1, 2, 2, 'a'],
      [2, MAX_CELLS, commas + 1 + lateCells, 'first'],
      [3, 2, 2, '1'],
    ]);
    // The open row's text is dropped as its uncounted cells come: never much more than 1 MiB of it.
    expect(held).toBeLessThan(3 * 1024 * 1024);
  });

  it('reads 10 000 columns', () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const { rows } = parse([header.join(',') + '\n' + header.map((_, i) => i).join(',') + '\n']);
    expect(rows.map(([, cells]) => cells.length)).toEqual([10_000, 10_000]);
    expect(rows[1][1][9_999]).toBe('9999');
  });
});

describe('CsvReader quote problems', () => {
  it.each<[string, string, Parsed['quotes'], number]>([
    ['quote inside an unquoted cell', 'a,b\nRobert "Bob" Smith,x\n3,4\n', [[2, 'stray']], 3],
    ['quote ending an unquoted cell', 'a,b\n1,2\n3,4"\n', [[3, 'stray']], 3],
    ['a quote after a leading space', 'a,b\n1, "x"\n', [[2, 'stray']], 2],
    ['two stray quotes in one row: one problem', 'a,b\nx"y,"z"w"\n', [[2, 'stray']], 2],
    [
      'stray quotes in two rows',
      'a,b\nx"y,1\n2,z"\n',
      [
        [2, 'stray'],
        [3, 'stray'],
      ],
      3,
    ],
    ['text after a closing quote', 'a,b\n1,2\n"abc"def,x\n', [[3, 'malformed']], 3],
    ['unterminated quote at the end', 'a,b\n1,2\n3,"abc\n', [[3, 'unterminated']], 3],
    ['stray quote after white space that closes a quote', 'a,b\n"x"\u00a0,y\nR "B" S,2\n', [[3, 'stray']], 3],
    ['stray quote after a quoted line break', 'a,b\n"x\ny",1\nR "B" S,2\n', [[3, 'stray']], 3],
  ])('%s', (_label, text, quotes, lastRow) => {
    const parsed = parse([text]);
    expect(parsed.quotes).toEqual(quotes);
    expect(parsed.rows.at(-1)![0]).toBe(lastRow);
  });

  it.each<[string, string, number[]]>([
    ['no quotes', 'a,b\nc,d\n', []],
    ['properly quoted cells', '"a","b ""c"""\n"d",e\n', []],
    ['quoted cell at the end of the text', 'a,"b"', []],
    ['quote inside an unquoted cell', 'Robert "Bob" Smith,x\n', [1]],
    ['several quotes in one record: listed once', 'a"b,c"d,e"\n', [1]],
    ['records counted by line breaks', 'a,b\nc,d\ne"f,g\n', [3]],
    ['line breaks inside quotes do not count', '"a\nb\nc",d\ne"f\n', [2]],
    ['blank records count', 'a\n\n\nb"c\n', [4]],
    ['quote after a leading space is stray', 'a, "b"\n', [1]],
    ['spaces and tabs after a closing quote', '"a" \t,b"c\n', [1]],
    ['a non-breaking space after a closing quote', '"a"\u00a0\nb"c\n', [2]],
    ['text after a closing quote stays in the cell', '"a"b,"c\nd"\ne"f\n', [2]],
    ['escaped quote followed by a comma stays inside', '"a"",b"\nc"d\n', [2]],
    ['quote right after a line break opens a cell', 'a\n"b\nc"\nd"\n', [3]],
  ])('stray quotes: %s', (_label, text, rows) => {
    expect(
      parse([text])
        .quotes.filter(([, kind]) => kind === 'stray')
        .map(([row]) => row),
    ).toEqual(rows);
  });

  it.each<[string, string[], Array<[number, number]>]>([
    ['text after a closing quote, closed by a later quote', ['a,b\n"x"y,1\n"z",2\n'], [[2, -1]]],
    ['a quote never closed on the last line', ['a,b\n1,"x\n'], [[2, 0]]],
    ['the lines it takes in, blank ones too', ['a,b\n1,"x\n2,3\n\n4,5'], [[2, 3]]],
    ['counted from the open cell, cut anywhere', ['a,b\n"p\nq","x', '\n2', ',3\n4,5\n'], [[2, 2]]],
    ['after text that follows a closing quote', ['a,b\n"x"y,1\n2,3\n'], [[2, 1]]],
    [
      'a stray quote first',
      ['a,b\nR "B",2\n3,"x\n4\n'],
      [
        [2, -1],
        [3, 1],
      ],
    ],
  ])('says how many lines a quote never closed takes in: %s', (_label, chunks, expected) => {
    const open: Array<[number, number]> = [];
    const reader = new CsvReader(
      { row: () => {}, quoteProblem: (row, _kind, lines) => open.push([row, lines]), cellTooLong: () => {} },
      1,
    );
    for (const chunk of chunks) reader.push(chunk);
    reader.end();
    expect(open).toEqual(expected);
  });

  it('keeps text after a malformed quote in the cell, as papaparse does (the rest of the row is swallowed)', () => {
    const parsed = parse(['a,b\n"abc"def,x\n3,"4"\n5,6\n']);
    expect(parsed.quotes).toEqual([[2, 'malformed']]);
    expect(parsed.rows.slice(1)).toEqual([
      [2, ['abc"def,x\n3,"4']],
      [3, ['5', '6']],
    ]);
  });
});

describe('CsvReader chunking', () => {
  const SAMPLE =
    'id,name,note\r\n1,"Smith, Ann","said ""hi""\r\non two lines"\r\n2,Robert "Bob" Smith,x\n\n' +
    '3,"x"  ,"abc"def\r4,é€😀,"\n",\n5,6';

  it('gives the same rows and problems whatever the chunks', () => {
    const whole = parse([SAMPLE]);
    expect(whole.quotes).toEqual([
      [3, 'stray'],
      [5, 'malformed'],
      [6, 'unterminated'],
    ]);
    for (let cut = 0; cut <= SAMPLE.length; cut++)
      expect(parse(cutAt(SAMPLE, [cut]), 1), `cut at ${cut}`).toEqual(whole);
    expect(parse([...SAMPLE], 1)).toEqual(whole);
  });

  it('gives the same result for any text cut anywhere (property)', () => {
    const char = fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é');
    const text = fc.array(char, { maxLength: 60 }).map((cs) => cs.join(''));
    holds(
      fc.property(
        text,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (t, raw, feed) => {
          const cuts = [...new Set(raw.map((n) => n % (t.length + 1)))].sort((a, b) => a - b);
          expect(parse(cutAt(t, cuts), feed)).toEqual(parse([t]));
        },
      ),
      3000,
    );
  });

  it('gives exactly what papaparse gave, for any text cut anywhere (property)', () => {
    const char = fc.constantFrom('a', 'b', ',', ',', '"', '"', '\n', '\r', ' ', '\t', '\u00a0', 'é', '😀');
    const text = fc.array(char, { maxLength: 80 }).map((cs) => cs.join(''));
    holds(
      fc.property(
        text,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (t, raw, feed) => {
          const cuts = [...new Set(raw.map((n) => n % (t.length + 1)))].sort((a, b) => a - b);
          expect(parse(cutAt(t, cuts), feed)).toEqual(parseWithPapaparse(cutAt(t, cuts), feed));
        },
      ),
      20000,
    );
  });

  it('gives exactly what papaparse gave on CSV-like records (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'x', 'Ann', ' y ', 'a"b', '"'),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', '\r') }).map((v) => `"${v}"`),
      fc.string({ unit: fc.constantFrom('a', '"') }).map((v) => `"${v.replace(/"/g, '""')}"`),
      fc.constantFrom('"x" ', '"x"y', '"x"\u00a0', '"x', 'x"'),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(([rows, eol, last]) => rows.join(eol) + (last ? eol : ''));
    holds(
      fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (t, raw) => {
        const cuts = [...new Set(raw.map((n) => n % (t.length + 1)))].sort((a, b) => a - b);
        expect(parse(cutAt(t, cuts), 3)).toEqual(parseWithPapaparse(cutAt(t, cuts), 3));
        expect(parse([t])).toEqual(parseWithPapaparse([t]));
      }),
      20000,
    );
  });

  it('parses a 50 MB quoted cell fed in 1 MB pieces, and reports it too long', () => {
    const size = 50 * 1024 * 1024;
    const piece = 'x'.repeat(1024 * 1024);
    const reader = new CsvReader({
      row: (record) => rows.push([record.row, record.cells().map((c) => c.length)]),
      quoteProblem: () => {},
      cellTooLong: (row, column, length) => tooLong.push([row, column, length]),
    });
    const rows: Array<[number, number[]]> = [];
    const tooLong: number[][] = [];
    reader.push('a,b\n1,"');
    for (let n = 0; n < size; n += piece.length) reader.push(piece);
    reader.push('"\n2,3\n');
    reader.end();
    expect(rows).toEqual([
      [1, [1, 1]],
      [2, [1, size]],
      [3, [1, 1]],
    ]);
    expect(tooLong).toEqual([[2, 1, size]]);
    expect(size).toBeGreaterThan(MAX_CELL_CHARS);
  });
});

describe('CsvRecord reads cells in place as their strings would', () => {
  it('cellLength, trimmed, blank, cellIs, cellIsLowerCase and plainCell agree with the cells (property)', () => {
    const unit = fc.constantFrom('a', 'B', 'k', ' ', '\t', '\u00a0', '"', ',', 'İ', 'K', 'é', '1');
    const targets = ['', 'k', 'ab', 'tobedeleted', 'teacher'];
    holds(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.constantFrom(...targets), (line, target) => {
        const reader = new CsvReader({
          row(record) {
            const cells = record.cells();
            expect(record.blank()).toBe(cells.every((c) => c.trim() === ''));
            for (let i = 0; i <= cells.length; i++) {
              const cell = cells[i] ?? '';
              if (i < cells.length) expect(record.cellLength(i)).toBe(cell.length);
              expect(record.trimmed(i)).toBe(cell.trim());
              expect(record.cellIs(i, cell.trim())).toBe(i < cells.length && cell === cell.trim());
              expect(record.cellIsLowerCase(i, target)).toBe(cell.trim().toLowerCase() === target);
              if (record.plainCell(i)) expect(record.text.slice(record.at, record.end)).toBe(cell.trim());
            }
          },
          quoteProblem: () => {},
          cellTooLong: () => {},
        });
        reader.push(line + '\n');
        reader.end();
      }),
      20000,
    );
  });
});

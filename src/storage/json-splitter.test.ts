import { describe, expect, it } from 'vitest';
import { JsonShapeError, JsonSplitter, type Piece } from './json-splitter.ts';

/** Feeds the text cut into pieces of `size` bytes (UTF-8 sequences cut too). */
function split(text: string, size: number, max = 1 << 20, skip = false): Piece[] {
  const bytes = new TextEncoder().encode(text);
  const splitter = new JsonSplitter('runs', max, skip);
  const out: Piece[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...splitter.push(bytes.subarray(at, at + size)));
  splitter.end();
  return out;
}

const EXPORT = JSON.stringify({
  kind: 'roster-check-history',
  'odd "key"\\': [1, { a: '}]"' }],
  runs: [{ head: { at: 'é—😀 ,]}' } }, null, [], 'x,y'],
  version: 1,
});

describe('the history export splitter', () => {
  it.each([1, 2, 3, 7, 64, 1 << 16])('hands out members and each run alike in chunks of %i bytes', (size) => {
    const pieces = split(`\ufeff ${JSON.stringify(JSON.parse(EXPORT), null, 2)}\n`, size);
    const parsed = pieces.map((p) =>
      p.kind === 'member'
        ? [p.key, JSON.parse(p.text)]
        : p.kind === 'element'
          ? [p.index, JSON.parse(p.text)]
          : [p.kind],
    );
    expect(parsed).toEqual([
      ['kind', 'roster-check-history'],
      ['odd "key"\\', [1, { a: '}]"' }]],
      ['array'],
      [0, { head: { at: 'é—😀 ,]}' } }],
      [1, null],
      [2, []],
      [3, 'x,y'],
      ['version', 1],
    ]);
  });

  it('only counts the runs on a first pass', () => {
    const pieces = split(EXPORT, 5, 1 << 20, true).filter((p) => p.kind === 'element');
    expect(pieces.map((p) => p.kind === 'element' && p.text)).toEqual(['', '', '', '']);
  });

  it('reports a run longer than the limit as too large, and still reads the rest', () => {
    const text = JSON.stringify({ kind: 'k', runs: [{ big: 'x'.repeat(100) }, 2] });
    expect(split(text, 8, 50)).toEqual([
      { kind: 'member', key: 'kind', text: '"k"' },
      { kind: 'array', key: 'runs' },
      { kind: 'too-large', key: 'runs', index: 0, bytes: 110 },
      { kind: 'element', index: 1, text: '2' },
    ]);
  });

  it.each([
    ['', /empty/],
    ['hello', /does not start with a JSON object/],
    ['{"runs":[{"a":1}', /ends before/],
    ['{"a":1} x', /more after the end/],
    ['{1:2}', /key/],
  ])('refuses %j', (text, message) => {
    expect(() => split(text, 3)).toThrow(JsonShapeError);
    expect(() => split(text, 3)).toThrow(message);
  });
});

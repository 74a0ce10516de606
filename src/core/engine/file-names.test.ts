import { describe, expect, it } from 'vitest';
import { numberedNote, uniqueFileNames } from './file-names.ts';

describe('uniqueFileNames', () => {
  it.each<[string, Array<{ path: string; zip?: string }>, string[]]>([
    [
      'distinct paths stay as they are',
      [{ path: 'a/x.csv' }, { path: 'x.csv', zip: 'd.zip' }],
      ['a/x.csv', 'x.csv'],
    ],
    [
      'two zips holding one path',
      [
        { path: 'students.csv', zip: 'a.zip' },
        { path: 'students.csv', zip: 'b.zip' },
      ],
      ['a.zip/students.csv', 'b.zip/students.csv'],
    ],
    [
      'a zip and a loose file',
      [{ path: 'students.csv' }, { path: 'students.csv', zip: 'a.zip' }],
      ['students.csv', 'a.zip/students.csv'],
    ],
    [
      'one zip listing an entry twice',
      [
        { path: 'students.csv', zip: 'a.zip' },
        { path: 'students.csv', zip: 'a.zip' },
      ],
      ['a.zip/students.csv', 'a.zip/students.csv (2)'],
    ],
    [
      'three loose files of one name, and a real file named like a numbered one',
      [{ path: 's.csv' }, { path: 's.csv (2)' }, { path: 's.csv' }, { path: 's.csv' }],
      ['s.csv', 's.csv (2)', 's.csv (3)', 's.csv (4)'],
    ],
  ])('%s', (_, sources, names) => {
    expect(uniqueFileNames(sources)).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('numberedNote', () => {
  it('explains a number given here, and only that', () => {
    const names = ['s.csv', 's.csv (2)', 'report (2)'];
    expect(numberedNote(names, 1)).toBe('it is the 2nd file given as s.csv; ');
    expect(numberedNote(names, 0)).toBe('');
    expect(numberedNote(names, 2)).toBe('');
  });
});

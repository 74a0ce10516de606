import { describe, expect, it } from 'vitest';
import { columnsOf, districtFiles } from '../../../../tests/fixtures/districts.ts';
import { CHUNK_BYTES } from '../../input/source.ts';
import { findings, run } from '../../../../tests/helpers.ts';

const HEADER = columnsOf('remind-csv-1.0', 'students.csv').join(',');
const student = (id: string, first = 'Bo') => `s1,${id},${first},Kim,01/05/2012,,,,,,,\n`;

/** Text as Windows-1252 bytes (the characters used here are all in Latin-1 or the 0x80–0x9F range). */
const cp1252 = (text: string) =>
  Uint8Array.from([...text], (c) => ({ '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 })[c] ?? c.charCodeAt(0));

async function runStudents(students: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}) {
  return run({ ...districtFiles('remind-csv-1.0'), 'students.csv': students, ...extra });
}

describe('encoding', () => {
  it.each<[string, string, number]>([
    ['an accent in a data row', HEADER + '\n' + student('st1') + student('st2', 'José'), 3],
    ['an accent in the header', HEADER.replace('grade', 'grad€') + '\n' + student('st1'), 1],
    [
      'after a quoted line break',
      HEADER + '\n' + student('st1', '"Bo\nBo"') + '\n' + student('st2', 'Zoë'),
      4,
    ],
  ])('%s: one finding, on the row of the first such byte, does not block', async (_label, text, row) => {
    const result = await runStudents(cp1252(text));
    expect(findings(result, 'encoding').map((f) => [f.file, f.row, f.message])).toEqual([
      [
        'students.csv',
        row,
        `students.csv is not UTF-8 (first seen at row ${row}); it was read as Windows-1252.`,
      ],
    ]);
    expect(result.summary.blocked).toBe(false);
  });

  it('reads the text as Windows-1252', async () => {
    const result = await runStudents(cp1252(HEADER + '\n' + student('st1', '“José” D’Arc €')));
    expect(result.roster.person(result.roster.findPerson('st1')).firstName).toBe('“José” D’Arc €');
  });

  it('one finding per file, however many bytes are wrong', async () => {
    const text = HEADER + '\n' + student('st1', 'Zoë') + student('st2', 'Renée') + student('st3', 'Inès');
    const result = await runStudents(cp1252(text), {
      'teachers.csv': cp1252(districtFiles('remind-csv-1.0')['teachers.csv'].replace('Ada', 'Adà')),
    });
    expect(findings(result, 'encoding').map((f) => [f.file, f.row])).toEqual([
      ['teachers.csv', 2],
      ['students.csv', 2],
    ]);
  });

  it('names the exact row even deep in a large file', async () => {
    // The first wrong byte comes just after the first 1 MB chunk, in a row far beyond those parsed so far.
    const lines = Array.from({ length: 40_000 }, (_, i) => student(`x${i}`));
    let target = 0;
    for (let offset = HEADER.length + 1; offset < CHUNK_BYTES + 1000; target++)
      offset += lines[target].length;
    lines[target] = student(`x${target}`, 'José');
    const result = await runStudents(cp1252(HEADER + '\n' + lines.join('')));
    expect(findings(result, 'encoding').map((f) => f.row)).toEqual([target + 2]);
  });

  it('UTF-8 with or without a byte-order mark is fine', async () => {
    const text = HEADER + '\n' + student('st1', 'Zoë 😀');
    expect(findings(await runStudents(text), 'encoding')).toEqual([]);
    expect(findings(await runStudents('\ufeff' + text), 'encoding')).toEqual([]);
  });
});

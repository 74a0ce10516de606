import { describe, expect, it } from 'vitest';
import { districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { toReport } from '../../report/json.ts';
import { checkReportShape } from '../../report/schema.ts';
import { findings, run } from '../../../../tests/helpers.ts';
import { cellDamage, isMojibake, undoMojibake } from './spreadsheet-damage.ts';

describe('spreadsheet-damage: which cells are damage by themselves', () => {
  it.each<[string, string | null]>([
    ['#N/A', 'formula-error'],
    ['#REF!', 'formula-error'],
    ['#VALUE!', 'formula-error'],
    ['#NAME?', 'formula-error'],
    ['#DIV/0!', 'formula-error'],
    ['#NULL!', 'formula-error'],
    ['#NUM!', 'formula-error'],
    ['#1 fan', null],
    ['#12', null],
    ['1.23457E+11', 'scientific-notation'],
    ['2.12235E+09', 'scientific-notation'],
    ['1E+12', 'scientific-notation'],
    ['123456789012', null],
    ['A1E+10', null],
    ['5-Jan', 'date-from-number'],
    ['12-Sep', 'date-from-number'],
    ['Jan-05', 'date-from-number'],
    ['5-Jan-2012', null],
    ['01/05/2012', null],
    ['2012-01-05', null],
    ['K-5', null],
    ['1-5', null],
    ['Janet', null],
    ['Sep-2', null],
  ])('%s → %s', (value, reason) => {
    expect(cellDamage(value)).toBe(reason);
  });

  it.each<[string, boolean, string | null]>([
    ['JosÃ©', true, 'José'],
    ['MuÃ±oz', true, 'Muñoz'],
    ['Oâ€™Brien', true, 'O’Brien'],
    ['Ã‰mile', true, 'Émile'],
    ['ZoÃ«', true, 'Zoë'],
    ['José', false, null],
    ['São Paulo', false, null],
    ['Gâteau', false, null],
    ['Ãlvaro', false, null],
  ])('mojibake %s → %s', (value, found, original) => {
    expect(isMojibake(value)).toBe(found);
    if (original) expect(undoMojibake(value)).toBe(original);
  });
});

const R1 = 'remind-csv-1.0';
const student = (id: string, more: Record<string, string> = {}) => ({
  school_id: 's1',
  student_id: id,
  student_first_name: 'Bo',
  student_last_name: 'Kim',
  dob: '01/05/2012',
  ...more,
});
const enrollment = (user: string) => ({ school_id: 's1', class_id: 'c1', user_id: user });

async function damage(students: Records, enrollments: Records) {
  const result = await run(districtFiles(R1, { 'students.csv': students, 'enrollments.csv': enrollments }));
  return {
    result,
    damage: findings(result, 'spreadsheet-damage').map((f) => [f.file, f.field, f.reason, f.row, f.message]),
    linked: findings(result).filter((f) => f.because),
  };
}

describe('spreadsheet-damage in a district', () => {
  it.each<[string, Records, Records, unknown[][], string[]]>([
    [
      'references that lost their leading zeros',
      [student('000123'), student('000124')],
      [enrollment('123'), enrollment('000124'), enrollment('124')],
      [
        [
          'enrollments.csv',
          'user_id',
          'lost-leading-zeros',
          2,
          'enrollments.csv user_id: 2 references lost their leading zeros, e.g. row 2: `123` for `000123` (rows 2, 4).',
        ],
      ],
      [
        'ref-unknown enrollments.csv row 2: user_id 123 is not a person defined in any file. Probably Excel: the file that defines it has `000123`.',
        'ref-unknown enrollments.csv row 4: user_id 124 is not a person defined in any file. Probably Excel: the file that defines it has `000124`.',
      ],
    ],
    [
      'a defining file that lost the zeros other files have',
      [student('123')],
      [enrollment('000123')],
      [
        [
          'students.csv',
          'student_id',
          'lost-leading-zeros',
          2,
          'students.csv student_id: IDs here lost their leading zeros: 1 reference in other files do not match, e.g. row 2: `123` where enrollments.csv row 2 has `000123` (row 2).',
        ],
      ],
      [
        'ref-unknown enrollments.csv row 2: user_id 000123 is not a person defined in any file. Probably Excel: students.csv student_id has it as `123`, without its leading zeros.',
      ],
    ],
    [
      'references that gained .0',
      [student('123')],
      [enrollment('123.0')],
      [
        [
          'enrollments.csv',
          'user_id',
          'decimal-id',
          2,
          'enrollments.csv user_id: 1 reference gained ".0", e.g. row 2: `123.0` for `123` (row 2).',
        ],
      ],
      [
        'ref-unknown enrollments.csv row 2: user_id 123.0 is not a person defined in any file. Probably Excel: the file that defines it has `123`.',
      ],
    ],
    [
      'a defining file whose IDs gained .0',
      [student('123.0')],
      [enrollment('123')],
      [
        [
          'students.csv',
          'student_id',
          'decimal-id',
          2,
          'students.csv student_id: IDs here gained ".0": 1 reference in other files do not match, e.g. row 2: `123.0` where enrollments.csv row 2 has `123` (row 2).',
        ],
      ],
      [
        'ref-unknown enrollments.csv row 2: user_id 123 is not a person defined in any file. Probably Excel: students.csv student_id has it as `123.0`.',
      ],
    ],
    [
      'a reference in scientific notation',
      [student('123456789012')],
      [enrollment('1.23457E+11')],
      [
        [
          'enrollments.csv',
          'user_id',
          'scientific-notation',
          2,
          'enrollments.csv user_id: 1 cell in scientific notation, e.g. row 2: `1.23457E+11` (row 2); the original digits are gone.',
        ],
      ],
      [
        'ref-unknown enrollments.csv row 2: user_id 1.23457E+11 is not a person defined in any file. Probably Excel: `1.23457E+11` is a long number shown in scientific notation; its original digits are gone.',
      ],
    ],
    [
      'a phone in scientific notation, a grade turned into a date, a formula error',
      [
        student('st1', {
          guardian_phone: '2.12235E+09',
          grade: '5-Jan',
          dob: '#N/A',
          guardian_first_name: 'Cy',
        }),
      ],
      [enrollment('st1')],
      [
        [
          'students.csv',
          'dob',
          'formula-error',
          2,
          'students.csv dob: 1 cell holds a spreadsheet formula error, e.g. row 2: `#N/A` (row 2).',
        ],
        [
          'students.csv',
          'grade',
          'date-from-number',
          2,
          'students.csv grade: 1 cell turned into dates, e.g. row 2: `5-Jan` (row 2), probably a number or range such as a grade.',
        ],
        [
          'students.csv',
          'guardian_phone',
          'scientific-notation',
          2,
          'students.csv guardian_phone: 1 cell in scientific notation, e.g. row 2: `2.12235E+09` (row 2); the original digits are gone.',
        ],
      ],
      [
        'parent-contact Parent Cy has no valid email or supported phone ("2.12235E+09"). Probably Excel: `2.12235E+09` is a long number shown in scientific notation; its original digits are gone.',
        'student-dob Student Bo Kim\'s date of birth "#N/A" is not in an accepted layout (MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD or YYYY-MM-DD). Probably Excel: `#N/A` is a spreadsheet formula error saved as text.',
        'phone-unsupported Cy\'s phone "2.12235E+09" cannot be texted: it has 8 digits, where a US or Canadian number has 10 (area code included). Probably Excel: `2.12235E+09` is a long number shown in scientific notation; its original digits are gone.',
      ],
    ],
    [
      'names decoded as Windows-1252 and saved again (one finding per file)',
      [student('st1', { student_first_name: 'JosÃ©', student_last_name: 'MuÃ±oz' }), student('st2')],
      [enrollment('st1')],
      [
        [
          'students.csv',
          null,
          'mojibake',
          2,
          'students.csv: 2 cells of UTF-8 text read as Windows-1252 and saved again, e.g. row 2: `JosÃ©` (was `José`) in student_first_name (row 2).',
        ],
      ],
      [],
    ],
  ])('%s', async (_label, students, enrollments, expected, consequences) => {
    const { result, damage: found, linked } = await damage(students, enrollments);
    expect(found).toEqual(expected);
    expect(linked.map((f) => `${f.code} ${f.message}`)).toEqual(consequences);
    expect(result.summary.blocked).toBe(false);
    expect(checkReportShape(JSON.parse(JSON.stringify(toReport(result))))).toEqual([]);
  });

  it.each<[string, Records, Records]>([
    [
      'IDs with leading zeros everywhere',
      [student('000123'), student('0042')],
      [enrollment('000123'), enrollment('0042')],
    ],
    [
      'numeric IDs of different lengths that match exactly',
      [student('5'), student('0005'), student('123')],
      [enrollment('5'), enrollment('0005'), enrollment('123')],
    ],
    [
      'real dates of birth',
      [student('st1', { dob: '1/5/2012' }), student('st2', { dob: '12/09/2011' })],
      [enrollment('st1')],
    ],
    [
      'names with accents written correctly',
      [
        student('st1', { student_first_name: 'José', student_last_name: 'Muñoz-Ángel' }),
        student('st2', { student_first_name: 'Zoë', student_last_name: 'O’Brien' }),
      ],
      [enrollment('st1')],
    ],
    ['an unknown numeric reference that no zeros explain', [student('123')], [enrollment('456')]],
  ])('no false alarm: %s', async (_label, students, enrollments) => {
    const { damage: found, linked } = await damage(students, enrollments);
    expect(found).toEqual([]);
    expect(linked).toEqual([]);
  });

  it('leaves a genuinely Windows-1252 file to the encoding finding', async () => {
    const files = districtFiles(R1, { 'students.csv': [student('st1', { student_first_name: 'José' })] });
    // é as the single byte 0xE9, then UTF-8's é (C3 A9), which Windows-1252 shows as `Ã©`.
    const text = files['students.csv'].replace('José', 'Jos\u00e9').replace('Kim', 'Kim\u00c3\u00a9');
    const bytes = Uint8Array.from([...text], (c) => c.charCodeAt(0));
    const result = await run({ ...files, 'students.csv': bytes });
    expect(findings(result, 'encoding')).toHaveLength(1);
    expect(findings(result, 'spreadsheet-damage')).toEqual([]);
  });

  it('says so in the CSV download, beside the finding it explains', async () => {
    const { result } = await damage([student('000123')], [enrollment('123')]);
    const { csvRows } = await import('../../report/csv-rows.ts');
    const rows = [...csvRows(result, { code: 'ref-unknown' })];
    expect(rows.map((r) => r.problem)).toEqual([
      'enrollments.csv row 2: user_id 123 is not a person defined in any file. Probably Excel: the file that defines it has `000123`.',
    ]);
    expect(findings(result, 'ref-unknown')[0].because).toEqual({
      code: 'spreadsheet-damage',
      reason: 'lost-leading-zeros',
      file: 'enrollments.csv',
      field: 'user_id',
    });
  });
});

describe('spreadsheet-damage explains an id-duplicate', () => {
  it('two long IDs that scientific notation made the same', async () => {
    const user = (id: string, first: string) => ({
      user_id: id,
      role: 'teacher',
      first_name: first,
      last_name: 'Lee',
      email: `${first}@north.org`,
    });
    const files = districtFiles('remind-csv-2.0');
    const users = files['users.csv'].trimEnd().split('\n');
    const cols = users[0].split(',');
    const line = (r: Record<string, string>) => cols.map((c) => r[c] ?? '').join(',');
    const result = await run({
      ...files,
      'users.csv':
        [...users, line(user('1.23457E+11', 'ann')), line(user('1.23457E+11', 'bob'))].join('\n') + '\n',
    });
    expect(findings(result, 'spreadsheet-damage').map((f) => [f.file, f.field, f.reason])).toEqual([
      ['users.csv', 'user_id', 'scientific-notation'],
    ]);
    expect(findings(result, 'id-duplicate').map((f) => f.because?.reason)).toEqual(['scientific-notation']);
  });
});

import { describe, expect, it } from 'vitest';
import { csv, run, summary } from '../../../tests/helpers.ts';
import { classesOf, idsByRole, peopleOf } from '../../../tests/fixtures/roster-view.ts';
import { REMIND_1_HEADERS } from '../../../tests/fixtures/headers.ts';

const HEADERS = REMIND_1_HEADERS;
type FileName = keyof typeof HEADERS;

const BASE: Record<FileName, string[][]> = {
  'schools.csv': [
    ['s1', 'North'],
    ['s2', 'South'],
  ],
  'teachers.csv': [['s1', 't1', 'Ada', 'Lovelace', 'ada@x.org', '']],
  'students.csv': [['s1', 'st1', 'Bo', 'Kim', '01/05/2012', '5', '', '', '', '', '', '']],
  'classes.csv': [['s1', 'c1', 't1', 'Math']],
  'enrollments.csv': [
    ['s1', 'c1', 't1'],
    ['s1', 'c1', 'st1'],
  ],
};

/** The base district with some files' rows replaced (a string replaces the whole file). */
function remind1(rows: Partial<Record<FileName, string[][] | string>> = {}) {
  const files: Record<string, string> = {};
  for (const name of Object.keys(HEADERS) as FileName[]) {
    const given = rows[name] ?? BASE[name];
    files[name] = typeof given === 'string' ? given : csv([HEADERS[name], ...given]);
  }
  return files;
}

const student = (school: string, id: string, guardian: string[] = ['', '', '', '']) => [
  school,
  id,
  'Kid',
  id,
  '01/05/2012',
  '5',
  '',
  '',
  ...guardian,
];
const ANN = ['Ann', 'Lee', 'ann@x.org', '(212) 555-0100'];

describe('Remind CSV 1.0 adapter', () => {
  it('is detected and reads the base district without findings', async () => {
    const result = await run(remind1());
    expect(result.summary.format).toEqual({
      id: 'remind-csv-1.0',
      label: 'Remind CSV 1.0',
      reconstructed: false,
    });
    expect(summary(result)).toEqual([]);
    expect(idsByRole(result)).toEqual({ teacher: ['t1'], student: ['st1'] });
  });

  const teacherCases = [
    {
      name: 'a teacher in two schools has one row per school, and belongs to both',
      rows: [
        ['s1', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
        ['s2', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
      ],
      schools: ['s1', 's2'],
      findings: [],
    },
    {
      name: 'the same teacher and school twice is a duplicate (first kept)',
      rows: [
        ['s1', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
        ['s1', 't1', 'Ada', 'Other', 'other@x.org', ''],
      ],
      schools: ['s1'],
      findings: ['id-duplicate t1'],
    },
  ];
  it.each(teacherCases)('$name', async ({ rows, schools, findings }) => {
    const result = await run(remind1({ 'teachers.csv': rows }));
    expect(peopleOf(result).t1).toMatchObject({ role: 'teacher', name: 'Ada Lovelace', schools });
    expect(peopleOf(result).t1.emails).toEqual(['ada@x.org']);
    expect(summary(result)).toEqual(findings);
  });

  it('reports the duplicate teacher row with its row number and the first one', async () => {
    const result = await run(
      remind1({
        'teachers.csv': [
          ['s1', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
          ['s2', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
          ['s2', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
        ],
      }),
    );
    const [dup] = result.findings;
    expect(dup).toMatchObject({ code: 'id-duplicate', file: 'teachers.csv', row: 4, value: 't1' });
    expect(dup.message).toContain('row 2');
  });

  const guardianCases = [
    {
      name: 'a student with two guardians has one row each, and is one student',
      rows: [student('s1', 'st1', ANN), student('s1', 'st1', ['Max', 'Lee', 'max@x.org', ''])],
      parents: { 'st1/Ann Lee': ['st1'], 'st1/Max Lee': ['st1'] },
    },
    {
      name: 'a row whose four guardian cells are empty carries no guardian',
      rows: [student('s1', 'st1'), student('s1', 'st1', ANN)],
      parents: { 'st1/Ann Lee': ['st1'] },
    },
    {
      name: 'one guardian shared by siblings: one parent, ID from the smallest student ID in string order',
      rows: [student('s1', 'st9', ANN), student('s2', 'st10', ['Ann', 'Lee', 'ANN@X.ORG', '212-555-0100'])],
      parents: { 'st10/Ann Lee': ['st10', 'st9'] },
    },
    {
      name: 'spaces around the name do not make another guardian',
      rows: [student('s1', 'st1', ANN), student('s1', 'st2', [' Ann ', 'Lee ', 'ann@x.org', '2125550100'])],
      parents: { 'st1/Ann Lee': ['st1', 'st2'] },
    },
    {
      name: 'the same name with another phone is another guardian',
      rows: [student('s1', 'st1', ANN), student('s1', 'st2', ['Ann', 'Lee', 'ann@x.org', '212-555-0199'])],
      parents: { 'st1/Ann Lee': ['st1'], 'st2/Ann Lee': ['st2'] },
    },
    {
      // rules.md §9: supported phones compare by E.164 (formats.md says "phone digits"; decisions.md).
      name: 'the same phone with and without the leading 1 is one guardian',
      rows: [student('s1', 'st1', ANN), student('s1', 'st2', ['Ann', 'Lee', 'ann@x.org', '1-212-555-0100'])],
      parents: { 'st1/Ann Lee': ['st1', 'st2'] },
    },
    {
      name: 'the same phone as +1 and with an extension is one guardian',
      rows: [
        student('s1', 'st1', ['Ann', 'Lee', 'ann@x.org', '+1 212 555 0100 x12']),
        student('s1', 'st2', ['Ann', 'Lee', 'ann@x.org', '(212) 555-0100']),
      ],
      parents: { 'st1/Ann Lee': ['st1', 'st2'] },
    },
    {
      name: 'a number only the phone library reads is the same device as its plain form',
      rows: [
        student('s1', 'st1', ['Ann', 'Lee', 'ann@x.org', '(212)555-0100 (cell)']),
        student('s1', 'st2', ['Ann', 'Lee', 'ann@x.org', '1 212 555 0100']),
        student('s1', 'st3', ['Ann', 'Lee', 'ann@x.org', 'tel: 212-555-0100']),
      ],
      parents: { 'st1/Ann Lee': ['st1', 'st2', 'st3'] },
    },
    {
      name: 'a number outside North America compares by its device key (country code written out)',
      rows: [
        student('s1', 'st1', ['Ann', 'Lee', 'ann@x.org', '+44 20 7946 0958']),
        student('s1', 'st2', ['Ann', 'Lee', 'ann@x.org', '+44 (0)20 7946 0958']),
        student('s1', 'st3', ['Ann', 'Lee', 'ann@x.org', '20 7946 0958']),
      ],
      parents: { 'st1/Ann Lee': ['st1', 'st2'], 'st3/Ann Lee': ['st3'] },
    },
    {
      name: 'a cell without digits names no phone, as an empty one',
      rows: [
        student('s1', 'st1', ['Ann', 'Lee', 'ann@x.org', 'N/A']),
        student('s1', 'st2', ['Ann', 'Lee', 'ann@x.org', '']),
      ],
      parents: { 'st1/Ann Lee': ['st1', 'st2'] },
    },
  ];
  it.each(guardianCases)('$name', async ({ rows, parents }) => {
    const result = await run(remind1({ 'students.csv': rows, 'enrollments.csv': [] }));
    const people = peopleOf(result);
    const found = Object.fromEntries(
      Object.entries(people)
        .filter(([, p]) => p.role === 'parent')
        .map(([id, p]) => [id, p.students]),
    );
    expect(found).toEqual(parents);
    expect(summary(result).filter((s) => s.startsWith('id-'))).toEqual([]);
  });

  it('reports no parent-contact taken for one guardian whose phone is written with and without the 1', async () => {
    const result = await run(
      remind1({
        'students.csv': [
          student('s1', 'st1', ['Pat', 'One', 'p@x.org', '212-555-0123']),
          student('s1', 'st3', ['Pat', 'One', 'p@x.org', '1-212-555-0123']),
        ],
      }),
    );
    expect(idsByRole(result).parent).toEqual(['st1/Pat One']);
    expect(summary(result)).toEqual([]);
  });

  it('gives a shared guardian the schools of all its students', async () => {
    const rows = [student('s1', 'st1', ANN), student('s2', 'st2', ANN)];
    const result = await run(remind1({ 'students.csv': rows, 'enrollments.csv': [] }));
    expect(peopleOf(result)['st1/Ann Lee']).toMatchObject({
      name: 'Ann Lee',
      schools: ['s1', 's2'],
      emails: ['ann@x.org'],
      phones: ['(212) 555-0100'],
    });
  });

  it('takes class owners from enrollments.csv; classes.csv only names a teacher (formats.md)', async () => {
    const result = await run(
      remind1({
        'teachers.csv': [
          ['s1', 't1', 'Ada', 'Lovelace', 'ada@x.org', ''],
          ['s2', 't2', 'Bea', 'Moss', 'bea@x.org', ''],
          ['s1', 't2', 'Bea', 'Moss', 'bea@x.org', ''],
        ],
        'enrollments.csv': [
          ['s1', 'c1', 'st1'],
          ['s1', 'c1', 't2'],
        ],
      }),
    );
    expect(classesOf(result).c1).toEqual({ name: 'Math', school: 's1', teachers: ['t2'] });
    // t1 is only named by classes.csv: still counted in the class's school (rules.md §8).
    expect(peopleOf(result).t1.schools).toEqual(['s1']);
    expect(peopleOf(result).t2.schools).toEqual(['s1', 's2']);
    expect(summary(result)).toEqual([]);
  });

  it('counts a teacher named in classes.csv in the class’s school, even without an enrollment', async () => {
    const result = await run(
      remind1({ 'classes.csv': [['s2', 'c1', 't1', 'Math']], 'enrollments.csv': [['s2', 'c1', 't1']] }),
    );
    expect(peopleOf(result).t1.schools).toEqual(['s1', 's2']);
    expect(summary(result)).toEqual([
      'enrollment-school enrollments.csv',
      'class-teacher/teacher-not-enrolled c1',
    ]);
  });

  it('does not put a student in another school through a class (formats.md)', async () => {
    const result = await run(
      remind1({
        'students.csv': [student('s2', 'st1')],
        'enrollments.csv': [
          ['s1', 'c1', 't1'],
          ['s1', 'c1', 'st1'],
        ],
      }),
    );
    expect(peopleOf(result).st1.schools).toEqual(['s2']);
    expect(summary(result)).toEqual(['enrollment-school enrollments.csv']);
  });

  const enrollmentCases = [
    { name: 'an unknown user', row: ['s1', 'c1', 'nobody'], expected: ['ref-unknown enrollments.csv'] },
    {
      name: 'a guardian, who has no ID',
      row: ['s1', 'c1', 'st1/Ann Lee'],
      expected: ['ref-unknown enrollments.csv'],
    },
    { name: 'an unknown class', row: ['s1', 'c9', 'st1'], expected: ['ref-unknown enrollments.csv'] },
    { name: 'an empty user', row: ['s1', 'c1', ''], expected: ['id-missing enrollments.csv'] },
  ];
  it.each(enrollmentCases)('reports an enrollment of $name', async ({ row, expected }) => {
    const result = await run(
      remind1({ 'students.csv': [student('s1', 'st1', ANN)], 'enrollments.csv': [['s1', 'c1', 't1'], row] }),
    );
    expect(summary(result).filter((s) => !s.startsWith('parent-'))).toEqual(expected);
  });

  it('reports an unknown class teacher as ref-unknown and the class as teacher-unknown', async () => {
    const classes = [['s1', 'c1', 't9', 'Math']];
    const result = await run(remind1({ 'classes.csv': classes, 'enrollments.csv': [['s1', 'c1', 'st1']] }));
    expect(summary(result)).toEqual(['ref-unknown c1', 'class-teacher/teacher-unknown c1']);
    // With an owner from enrollments.csv, the class's own teacher_id is only a reference.
    expect(summary(await run(remind1({ 'classes.csv': classes })))).toEqual(['ref-unknown c1']);
  });

  const emptyCases = [
    { name: 'empty (0 bytes)', content: '' },
    { name: 'a header only', content: null },
  ];
  it.each(emptyCases)('accepts classes.csv and enrollments.csv that are $name', async ({ content }) => {
    const result = await run(
      remind1({
        'classes.csv': content ?? [],
        'enrollments.csv': content ?? [],
      }),
    );
    expect(summary(result)).toEqual([]);
    expect(result.summary.blocked).toBe(false);
    expect(result.summary.totals.classes).toBe(0);
  });

  it.each(emptyCases)('reports enrollments in classes when classes.csv is $name', async ({ content }) => {
    const result = await run(remind1({ 'classes.csv': content ?? [] }));
    expect(summary(result)).toEqual(['ref-unknown enrollments.csv', 'ref-unknown enrollments.csv']);
  });

  it('does not accept an empty teachers.csv', async () => {
    const result = await run(remind1({ 'teachers.csv': '', 'classes.csv': [], 'enrollments.csv': [] }));
    expect(summary(result)).toEqual(['file-unreadable teachers.csv']);
    expect(result.summary.blocked).toBe(true);
  });
});

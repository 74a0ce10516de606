import { describe, expect, it } from 'vitest';
import { run, summary } from '../../../tests/helpers.ts';
import { classesOf, idsByRole, peopleOf } from '../../../tests/fixtures/roster-view.ts';
import { table, type Values } from '../../../tests/fixtures/oneroster.ts';

const CO_TEACHERS = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Teacher_${n}_id`);
const HEADERS = {
  'schools.csv': ['School_id', 'School_name'],
  'teachers.csv': ['School_id', 'Teacher_id', 'First_name', 'Last_name', 'Teacher_email'],
  'students.csv': [
    'School_id',
    'Student_id',
    'First_name',
    'Last_name',
    'DOB',
    'Student_email',
    'Contact_name',
    'Contact_type',
    'Contact_relationship',
    'Contact_phone',
    'Contact_email',
    'Contact_sis_id',
  ],
  'sections.csv': ['School_id', 'Section_id', 'Teacher_id', ...CO_TEACHERS, 'Name', 'Course_name', 'Period'],
  'enrollments.csv': ['School_id', 'Section_id', 'Student_id'],
  'staff.csv': ['School_id', 'Staff_id', 'Staff_email', 'First_name', 'Last_name'],
};
type FileName = keyof typeof HEADERS;

const teacher = (School_id: string, Teacher_id: string, First_name = 'Ada') => ({
  School_id,
  Teacher_id,
  First_name,
  Last_name: Teacher_id,
  Teacher_email: `${Teacher_id}@x.org`,
});
const student = (School_id: string, Student_id: string, contact: Values = {}) => ({
  School_id,
  Student_id,
  First_name: 'Kid',
  Last_name: Student_id,
  DOB: '1/5/2012',
  ...contact,
});
const section = (School_id: string, Section_id: string, Teacher_id: string, extra: Values = {}) => ({
  School_id,
  Section_id,
  Teacher_id,
  Name: `Section ${Section_id}`,
  ...extra,
});
const ANN = { Contact_name: 'Ann Lee', Contact_phone: '(212) 555-0100', Contact_email: 'ann@x.org' };

const BASE: Partial<Record<FileName, Values[]>> = {
  'schools.csv': [
    { School_id: 's1', School_name: 'North' },
    { School_id: 's2', School_name: 'South' },
  ],
  'teachers.csv': [teacher('s1', 't1')],
  'students.csv': [student('s1', 'st1')],
  'sections.csv': [section('s1', 'c1', 't1')],
  'enrollments.csv': [{ School_id: 's1', Section_id: 'c1', Student_id: 'st1' }],
};

function clever(
  rows: Partial<Record<FileName, Values[]>> = {},
  headerCase: (h: string) => string = (h) => h,
) {
  const files: Record<string, string> = {};
  for (const name of Object.keys(HEADERS) as FileName[]) {
    const given = rows[name] ?? BASE[name];
    if (!given) continue;
    const text = table(HEADERS[name], given);
    const [head, ...rest] = text.split('\n');
    files[name] = [headerCase(head), ...rest].join('\n');
  }
  return files;
}

describe('Clever adapter', () => {
  it.each([
    { name: 'as documented', headerCase: (h: string) => h },
    { name: 'lower case', headerCase: (h: string) => h.toLowerCase() },
    { name: 'upper case', headerCase: (h: string) => h.toUpperCase() },
    { name: 'with Dob (as the sandbox writes it)', headerCase: (h: string) => h.replace('DOB', 'Dob') },
  ])('matches header names case-insensitively: $name', async ({ headerCase }) => {
    const result = await run(clever({}, headerCase));
    expect(result.summary.format.id).toBe('clever');
    expect(summary(result)).toEqual([]);
    expect(peopleOf(result).st1.dob).toBe('1/5/2012');
  });

  it('lets a teacher reach other schools through sections', async () => {
    const result = await run(
      clever({
        'teachers.csv': [teacher('s1', 't1'), teacher('s2', 't2')],
        'sections.csv': [section('s1', 'c1', 't1'), section('s2', 'c2', 't2', { Teacher_2_id: 't1' })],
      }),
    );
    expect(peopleOf(result).t1.schools).toEqual(['s1', 's2']);
    expect(peopleOf(result).t2.schools).toEqual(['s2']);
    expect(classesOf(result).c2).toEqual({ name: 'Section c2', school: 's2', teachers: ['t2', 't1'] });
    expect(summary(result)).toEqual([]);
  });

  it('reports a repeated Teacher_id and keeps the first row', async () => {
    const result = await run(
      clever({ 'teachers.csv': [teacher('s1', 't1', 'Ada'), teacher('s2', 't1', 'Eve')] }),
    );
    expect(summary(result)).toEqual(['id-duplicate t1']);
    expect(peopleOf(result).t1).toMatchObject({ name: 'Ada t1', schools: ['s1'] });
  });

  it('reads Teacher_id and every Teacher_N_id up to 10, skipping empty ones', async () => {
    const teachers = ['t1', ...CO_TEACHERS.map((_, i) => `t${i + 2}`)].map((id) => teacher('s1', id));
    const coTeachers = Object.fromEntries(CO_TEACHERS.map((c, i) => [c, i % 2 ? `t${i + 2}` : '']));
    const result = await run(
      clever({ 'teachers.csv': teachers, 'sections.csv': [section('s1', 'c1', 't1', coTeachers)] }),
    );
    expect(classesOf(result).c1.teachers).toEqual(['t1', 't3', 't5', 't7', 't9']);
    expect(summary(result)).toEqual([]);
  });

  it('reports an unknown co-teacher, and the class keeps its known teacher', async () => {
    const result = await run(
      clever({ 'sections.csv': [section('s1', 'c1', 't1', { Teacher_10_id: 't99' })] }),
    );
    expect(summary(result)).toEqual(['ref-unknown c1']);
    expect(result.findings.get(0)).toMatchObject({ field: 'Teacher_10_id', value: 't99' });
  });

  const nameCases = [
    { Name: 'Math 7', Course_name: '', expected: 'Math 7', findings: [] },
    { Name: '', Course_name: 'Algebra I', expected: 'Algebra I', findings: [] },
    { Name: '', Course_name: '', expected: '', findings: ['class-teacher/name-missing c1'] },
  ];
  it.each(nameCases)('names a section from Name "$Name" / Course_name "$Course_name"', async (c) => {
    const result = await run(
      clever({ 'sections.csv': [section('s1', 'c1', 't1', { Name: c.Name, Course_name: c.Course_name })] }),
    );
    expect(classesOf(result).c1.name).toBe(c.expected);
    expect(summary(result)).toEqual(c.findings);
  });

  const contactCases: Array<{ name: string; contact: Values; parents: Record<string, string[]> }> = [
    { name: 'no contact cells', contact: {}, parents: {} },
    { name: 'only a Contact_type', contact: { Contact_type: 'Emergency' }, parents: {} },
    { name: 'a name only', contact: { Contact_name: 'Ann Lee' }, parents: { 'st1/Ann Lee': ['st1'] } },
    { name: 'a phone only', contact: { Contact_phone: '212-555-0100' }, parents: { 'st1/': ['st1'] } },
    { name: 'an email only', contact: { Contact_email: 'a@x.org' }, parents: { 'st1/': ['st1'] } },
    { name: 'a Contact_sis_id', contact: { ...ANN, Contact_sis_id: 'g1' }, parents: { g1: ['st1'] } },
  ];
  it.each(contactCases)('makes a parent from a contact with $name', async ({ contact, parents }) => {
    const result = await run(clever({ 'students.csv': [student('s1', 'st1', contact)] }));
    const found = Object.entries(peopleOf(result)).filter(([, p]) => p.role === 'parent');
    expect(Object.fromEntries(found.map(([id, p]) => [id, p.students]))).toEqual(parents);
  });

  const identityCases = [
    {
      name: 'the same Contact_sis_id under two students is one parent',
      contacts: [
        { ...ANN, Contact_sis_id: 'g1' },
        { Contact_name: 'A. Lee', Contact_sis_id: 'g1' },
      ],
      parents: { g1: ['st10', 'st9'] },
    },
    {
      name: 'the same name, email (any case) and phone digits is one parent, ID from the smallest student',
      contacts: [ANN, { ...ANN, Contact_email: 'Ann@X.org', Contact_phone: '212.555.0100' }],
      parents: { 'st10/Ann Lee': ['st10', 'st9'] },
    },
    {
      // rules.md §9: supported phones compare by E.164 (formats.md says "phone digits"; decisions.md).
      name: 'the same phone with and without the leading 1 is one parent',
      contacts: [ANN, { ...ANN, Contact_phone: '1-212-555-0100' }],
      parents: { 'st10/Ann Lee': ['st10', 'st9'] },
    },
    {
      name: 'another phone is another parent',
      contacts: [ANN, { ...ANN, Contact_phone: '212-555-0199' }],
      parents: { 'st10/Ann Lee': ['st10'], 'st9/Ann Lee': ['st9'] },
    },
  ];
  it.each(identityCases)('$name', async ({ contacts, parents }) => {
    const result = await run(
      clever({
        'students.csv': [student('s1', 'st9', contacts[0]), student('s2', 'st10', contacts[1])],
        'enrollments.csv': [],
      }),
    );
    const found = Object.entries(peopleOf(result)).filter(([, p]) => p.role === 'parent');
    expect(Object.fromEntries(found.map(([id, p]) => [id, p.students]))).toEqual(parents);
    expect(summary(result).filter((s) => s.startsWith('id-'))).toEqual([]);
  });

  it('gives a contact its one name field and the schools of its students', async () => {
    const result = await run(
      clever({
        'students.csv': [student('s1', 'st1', ANN), student('s1', 'st1', { Contact_name: 'Max Lee' })],
      }),
    );
    expect(peopleOf(result)['st1/Ann Lee']).toMatchObject({ name: 'Ann Lee', schools: ['s1'] });
    expect(idsByRole(result).parent).toEqual(['st1/Ann Lee', 'st1/Max Lee']);
    expect(summary(result)).toEqual(['parent-contact/missing st1/Max Lee']);
  });

  it('reports a Contact_sis_id that is already a student ID', async () => {
    const result = await run(
      clever({
        'students.csv': [student('s1', 'st1'), student('s1', 'st2', { ...ANN, Contact_sis_id: 'st1' })],
      }),
    );
    expect(summary(result)).toEqual(['id-duplicate st1']);
    expect(result.findings.get(0)).toMatchObject({ field: 'Contact_sis_id', value: 'st1' });
  });

  it('reads staff.csv when given (staff are counted, not teachers) and does not need it', async () => {
    const withStaff = await run(
      clever({
        'staff.csv': [
          { School_id: 's1', Staff_id: 'a1', Staff_email: 'a1@x.org', First_name: 'Al', Last_name: 'B' },
        ],
        'sections.csv': [section('s1', 'c1', 'a1')],
      }),
    );
    expect(idsByRole(withStaff).staff).toEqual(['a1']);
    expect(withStaff.summary.totals.staff).toBe(1);
    expect(summary(withStaff)).toEqual(['class-teacher/teacher-unknown c1']);
    const without = await run(clever());
    expect(summary(without, 'file-missing')).toEqual([]);
  });
});

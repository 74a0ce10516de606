import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { reportDistrict } from '../../../tests/fixtures/report-district.ts';
import {
  causeFileName,
  CSV_COLUMNS,
  csvCell,
  csvFileName,
  csvPieces,
  isCsvDownloadName,
  schoolSlug,
} from './csv.ts';
import { csvRows, findingCsvRows, schoolNameMap, type CsvFilter } from './csv-rows.ts';
import { remindNameOf } from '../rules/registry.ts';
import { toReport } from './json.ts';

const SPEC_COLUMNS =
  'school_id, school_name, severity, code, reason, role, source_id, first_name, last_name, email, ' +
  'phone, dob, class_id, class_name, file, row, problem, how_to_fix';
/** Our one column beyond report.md's (docs/decisions.md), after all of them. */
const OUR_COLUMNS = ', remind_name, acknowledged';

/** The CSV file as text, and its records parsed back (header first, BOM removed). */
async function download(filter: CsvFilter = {}, options = {}) {
  const result = await run(reportDistrict({ noSchool: true, ...options }));
  const text = [...csvPieces(csvRows(result, filter))].join('');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  return { result, text, header, records };
}

describe('CSV downloads', () => {
  it('has the columns of report.md in order, a UTF-8 BOM and CRLF line ends', async () => {
    const { text, header, records } = await download();
    expect(CSV_COLUMNS.join(', ')).toBe(SPEC_COLUMNS + OUR_COLUMNS);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(text.startsWith('\uFEFFschool_id,school_name,severity,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toHaveLength(records.length + 2);
  });

  const cellCases: Array<[string | number | null, string]> = [
    ['plain', 'plain'],
    [null, ''],
    [12, '12'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['=1+2', "'=1+2"],
    ['+1 212 555 0100', "'+1 212 555 0100"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a=b', 'a=b'],
    [' =x', ' =x'],
  ];
  it.each(cellCases)('writes the cell %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('neutralises a formula that comes from the roster', async () => {
    const formula = '=HYPERLINK("http://x")';
    const { text, records } = await download({}, { formula });
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(records.find((r) => r.source_id === 'st3')?.first_name).toBe(`'${formula}`);
  });

  it('has one row per finding and school', async () => {
    const { result, records } = await download();
    const findings = toReport(result).findings;
    const expected = findings.flatMap((f) =>
      f.schools.length === 0 ? [[f.code, f.id, '']] : f.schools.map((s) => [f.code, f.id, s ?? '']),
    );
    expect(records.map((r) => [r.code, r.source_id || null, r.school_id])).toEqual(expected);
    expect(records.filter((r) => r.source_id === 'st3').map((r) => r.school_id)).toEqual(['s1', 's2']);
  });

  it("gives findings held as report objects the same rows, the record's columns a finding cannot know left empty", async () => {
    const result = await run(reportDistrict({ noSchool: true }));
    const names = { schools: schoolNameMap(result.roster.schools), remindName: remindNameOf };
    const held = toReport(result).findings;
    for (const filter of [{}, { school: 's1' }, { school: null }, { code: 'teacher-email' }]) {
      const fresh = [...csvRows(result, filter)];
      const stored = [...findingCsvRows(held, names, filter)];
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toHaveLength(fresh.length);
      stored.forEach((row, i) => {
        const person = ['teacher', 'student', 'parent', 'staff'].includes(String(row.role));
        const record = ['first_name', 'last_name', 'dob', ...(person ? ['email', 'phone'] : [])];
        const expected = { ...fresh[i] };
        for (const column of record) expected[column as keyof typeof expected] = null;
        // A stored person finding keeps its name whole (as a one-field name) and the value of its own
        // email, phone or birth date field only.
        const own = (field: string) =>
          held.find((f) => f.id === row.source_id && f.code === row.code)?.field === field;
        if (person) {
          const name = [fresh[i].first_name, fresh[i].last_name].filter(Boolean).join(' ');
          expected.first_name = name || null;
        }
        if (person && own('email')) expected.email = row.email;
        if (person && own('phone')) expected.phone = row.phone;
        if (person && own('dob')) expected.dob = fresh[i].dob || null;
        expect(row).toEqual(expected);
      });
    }
  });

  it("gives a stored finding's row its name and birth date", async () => {
    const result = await run(reportDistrict({ noSchool: true }));
    const names = { schools: schoolNameMap(result.roster.schools), remindName: remindNameOf };
    const held = toReport(result).findings.filter((f) => f.code === 'student-dob' && f.id === 'st1');
    const fresh = [...csvRows(result, { code: 'student-dob' })].filter((r) => r.source_id === 'st1');
    const stored = [...findingCsvRows(held, names)];
    expect(stored.map((r) => [r.first_name, r.last_name, r.dob])).toEqual(
      fresh.map((r) => [`${r.first_name} ${r.last_name}`, null, '1/5/12']),
    );
    expect(fresh[0].dob).toBe('1/5/12');
  });

  it("fills the record's own columns", async () => {
    const { records } = await download();
    const by = (code: string, id: string) => records.find((r) => r.code === code && r.source_id === id)!;
    expect(by('teacher-email', 't1')).toMatchObject({
      school_id: 's1',
      school_name: 'North',
      severity: 'error',
      reason: 'missing',
      role: 'teacher',
      first_name: 'Ada',
      last_name: 'Love',
      email: '',
      class_id: '',
      file: 'teachers.csv',
      row: '2',
    });
    expect(by('class-teacher', 'c3')).toMatchObject({
      role: 'class',
      class_id: 'c3',
      class_name: 'Join bit.ly/x7',
    });
    expect(by('student-dob', 'st1')).toMatchObject({
      role: 'student',
      dob: '1/5/12',
      reason: 'two-digit-year',
    });
    expect(by('parent-contact', 'st1/Ann Kim')).toMatchObject({
      role: 'parent',
      first_name: 'Ann Kim',
      last_name: '',
    });
    expect(by('device-in-use', 'st2')).toMatchObject({ severity: 'alert', email: 'dan@x.org' });
    expect(by('student-dob', 'st1').remind_name).toBe('Missing valid date of birth');
    expect(by('device-in-use', 'st2').remind_name).toBe('Device already in use');
    for (const r of records) {
      // Remind's name for its own errors and alerts; none for our formatting findings and holds.
      expect(r.remind_name !== '', r.code).toBe(r.severity === 'error' || r.severity === 'alert');
      expect(r.problem.length).toBeGreaterThan(10);
      expect(r.how_to_fix.length).toBeGreaterThan(10);
    }
  });

  const filterCases: Array<{ filter: CsvFilter; expected: Array<[string, string]> }> = [
    {
      filter: { school: 's1' },
      expected: [
        ['class-teacher', 'c1'],
        ['parent-contact', 'st1/Ann Kim'],
        ['student-dob', 'st1'],
        ['student-dob', 'st3'],
        ['teacher-email', 't1'],
      ],
    },
    { filter: { school: 's2', code: 'student-dob' }, expected: [['student-dob', 'st3']] },
    { filter: { school: null }, expected: [['student-dob', 'st4']] },
    { filter: { school: 's3' }, expected: [] },
    {
      filter: { code: 'student-dob' },
      expected: [
        ['student-dob', 'st1'],
        ['student-dob', 'st3'],
        ['student-dob', 'st3'],
        ['student-dob', 'st4'],
      ],
    },
  ];
  it.each(filterCases)('filters by school and code: $filter', async ({ filter, expected }) => {
    const { records } = await download(filter);
    expect(records.map((r) => [r.code, r.source_id])).toEqual(expected);
    if (filter.school !== undefined) for (const r of records) expect(r.school_id).toBe(filter.school ?? '');
  });

  it.each([
    ['North High', /^North-High-[0-9a-f]{12}$/],
    ['../etc/passwd', /^etc-passwd-[0-9a-f]{12}$/],
    ['école 1', /^cole-1-[0-9a-f]{12}$/],
    ['///', /^[0-9a-f]{12}$/],
    ['学校', /^[0-9a-f]{12}$/],
    ['x'.repeat(100), /^x{40}-[0-9a-f]{12}$/],
  ])('makes a safe, readable file name piece of %j', (text, expected) => {
    expect(schoolSlug(text)).toMatch(expected);
  });

  it('gives every school its own file names, and the district and "(no school)" theirs', () => {
    const ids = ['a b', 'a/b', 'a-b', '学校', 'школа', 'مدرسة', 'no-school', 'district', 'North', 'north'];
    const names = [undefined, null, ...ids].flatMap((school) =>
      [undefined, 'teacher-email'].map((code) => csvFileName({ school, code })),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(csvFileName({})).toBe('district-all.csv');
    expect(csvFileName({ school: null, code: 'student-dob' })).toBe('no-school-student-dob.csv');
    expect(csvFileName({ school: 'a b', code: 'student-dob' })).toMatch(
      /^school-a-b-[0-9a-f]{12}-student-dob\.csv$/,
    );
    // The same ID always gets the same name (a later run's downloads line up with the earlier ones).
    expect(csvFileName({ school: '学校' })).toBe(csvFileName({ school: '学校' }));
  });

  it('knows the names it makes (--csv-dir removes those of an earlier run) and no others', () => {
    const ours = [
      csvFileName({}),
      csvFileName({ code: 'row-columns' }),
      csvFileName({ school: null }),
      csvFileName({ school: '学校', code: 'teacher-email' }),
      csvFileName({ school: 'North High' }),
      causeFileName(0, { code: 'teacher-email', reason: null }),
      causeFileName(11, { code: 'student-dob', reason: 'Dates written day/month' }),
    ];
    expect(ours.filter((n) => !isCsvDownloadName(n))).toEqual([]);
    const others = [
      'notes.csv',
      'district.csv',
      'fix-notes.csv',
      'school-a.txt',
      'my-district-all.csv',
      'district-all.csv.bak',
      'Fix-1-x.csv',
    ];
    expect(others.filter(isCsvDownloadName)).toEqual([]);
  });
});

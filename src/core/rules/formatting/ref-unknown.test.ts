import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const edit = (format: FormatId, file: string, index: number, cells: Record<string, string>): Records =>
  DISTRICTS[format][file].map((r, i) => (i === index ? { ...r, ...cells } : r));

const located = (result: Awaited<ReturnType<typeof run>>) =>
  findings(result, 'ref-unknown').map((f) => [f.file, f.row, f.entity, f.id, f.message]);

describe('ref-unknown', () => {
  it.each<[string, FormatId, string, number, Record<string, string>, unknown[], string[]]>([
    [
      'a school',
      'remind-csv-1.0',
      'teachers.csv',
      0,
      { school_id: 's9' },
      [
        'teachers.csv',
        2,
        'teacher',
        't1',
        'teachers.csv row 2: school_id s9 is not a school defined in any file.',
      ],
      [],
    ],
    [
      'a class',
      'clever',
      'enrollments.csv',
      0,
      { Section_id: 'c9' },
      [
        'enrollments.csv',
        2,
        'enrollment',
        null,
        'enrollments.csv row 2: Section_id c9 is not a class defined in any file.',
      ],
      [],
    ],
    [
      'a user',
      'remind-csv-1.0',
      'enrollments.csv',
      1,
      { user_id: 'u9' },
      [
        'enrollments.csv',
        3,
        'enrollment',
        null,
        'enrollments.csv row 3: user_id u9 is not a person defined in any file.',
      ],
      [],
    ],
    [
      'a class teacher named in classes.csv (the owner comes from enrollments.csv)',
      'remind-csv-1.0',
      'classes.csv',
      0,
      { teacher_id: 't9' },
      [
        'classes.csv',
        2,
        'class',
        'c1',
        'classes.csv row 2: teacher_id t9 is not a person defined in any file.',
      ],
      [],
    ],
    [
      'OneRoster: a school reference to an org that is not a school',
      'oneroster-1.1',
      'classes.csv',
      0,
      { schoolSourcedId: 'd1' },
      [
        'classes.csv',
        2,
        'class',
        'c1',
        'classes.csv row 2: schoolSourcedId d1 is an organisation of type district, not a school.',
      ],
      [],
    ],
    [
      'OneRoster: a course, when courses.csv is given',
      'oneroster-1.1',
      'classes.csv',
      0,
      { courseSourcedId: 'co9' },
      [
        'classes.csv',
        2,
        'class',
        'c1',
        'classes.csv row 2: courseSourcedId co9 is not a course defined in any file.',
      ],
      [],
    ],
    [
      'OneRoster: one item of a list cell',
      'oneroster-1.1',
      'users.csv',
      1,
      { agentSourcedIds: 'p1, p9' },
      [
        'users.csv',
        3,
        'user',
        'st1',
        'users.csv row 3: agentSourcedIds p9 is not a person defined in any file.',
      ],
      [],
    ],
  ])(
    '%s: reported on its row, does not block',
    async (_label, format, file, index, cells, expected, others) => {
      const result = await run(districtFiles(format, { [file]: edit(format, file, index, cells) }));
      expect(located(result)).toEqual([expected]);
      expect(summary(result).filter((s) => !s.startsWith('ref-unknown'))).toEqual(others);
      expect(result.summary.blocked).toBe(false);
    },
  );

  it.each<[string, string, string]>([
    ['district', 'district', 'is an organisation of type district, not a school'],
    ['department', 'department', 'is an organisation of type department, not a school'],
    [
      'local (another letter case kept as written)',
      'Local',
      'is an organisation of type Local, not a school',
    ],
    ['no type at all', '', 'is an organisation without a type, not a school'],
  ])(
    'OneRoster: an org of type %s named as a school has its own reason, words and fix',
    async (_, type, words) => {
      const format = 'oneroster-1.1';
      const orgs = [...DISTRICTS[format]['orgs.csv'], { sourcedId: 'o9', name: 'Science', type }];
      const result = await run(
        districtFiles(format, {
          'orgs.csv': orgs,
          'classes.csv': edit(format, 'classes.csv', 0, { schoolSourcedId: 'o9' }),
        }),
      );
      const [f] = findings(result, 'ref-unknown');
      expect(f.reason).toBe('not-a-school');
      expect(f.message).toBe(`classes.csv row 2: schoolSourcedId o9 ${words}.`);
      expect(f.message).not.toContain('defined in any file');
      expect(f.fix).toMatch(/^Point the row at the school it belongs to/);
    },
  );

  it('keeps the general fix for an ID that no file defines', async () => {
    const format = 'oneroster-1.1';
    const result = await run(
      districtFiles(format, { 'classes.csv': edit(format, 'classes.csv', 0, { schoolSourcedId: 'zz' }) }),
    );
    const [f] = findings(result, 'ref-unknown');
    expect(f.reason).toBeNull();
    expect(f.fix).toBe('Add the missing record to its file, or correct the ID in the referencing row.');
  });

  it('resolves references to records defined later in the same file', async () => {
    // The parent lists its child before the child's row (OneRoster), and Remind CSV 2.0 alike.
    const users = DISTRICTS['oneroster-1.1']['users.csv'];
    const reordered = [users[2], users[1], users[0]].map((u) =>
      u.sourcedId === 'p1' ? { ...u, agentSourcedIds: 'st1' } : u,
    );
    expect(summary(await run(districtFiles('oneroster-1.1', { 'users.csv': reordered })))).toEqual([]);
    const users2 = DISTRICTS['remind-csv-2.0']['users.csv'];
    expect(
      summary(await run(districtFiles('remind-csv-2.0', { 'users.csv': [...users2].reverse() }))),
    ).toEqual([]);
  });

  it('reports a forward reference that never resolves with its row, entity and ID', async () => {
    const users = edit('oneroster-1.1', 'users.csv', 0, { agentSourcedIds: 'st9' });
    const result = await run(districtFiles('oneroster-1.1', { 'users.csv': users }));
    expect(located(result)).toEqual([
      [
        'users.csv',
        2,
        'user',
        't1',
        'users.csv row 2: agentSourcedIds st9 is not a person defined in any file.',
      ],
    ]);
  });

  it.each<[string, FormatId, string]>([
    ['Remind CSV 1.0 without students.csv', 'remind-csv-1.0', 'students.csv'],
    ['Remind CSV 1.0 without schools.csv', 'remind-csv-1.0', 'schools.csv'],
    ['Clever without sections.csv', 'clever', 'sections.csv'],
    ['OneRoster without orgs.csv', 'oneroster-1.1', 'orgs.csv'],
    ['OneRoster without courses.csv', 'oneroster-1.1', 'courses.csv'],
  ])('%s: references to what it defines are not checked (no flood)', async (_label, format, file) => {
    const files = districtFiles(format);
    delete files[file];
    const result = await run(files, { format });
    expect(summary(result, 'ref-unknown')).toEqual([]);
  });

  it('a reference to a removed OneRoster record (tobedeleted) is fine', async () => {
    const users = edit('oneroster-1.1', 'users.csv', 1, { status: 'tobedeleted' });
    const result = await run(districtFiles('oneroster-1.1', { 'users.csv': users }));
    expect(summary(result, 'ref-unknown')).toEqual([]);
    expect(result.summary.totals.students).toBe(0);
  });

  it('one finding per unknown reference, each on its row', async () => {
    const enrollments = [
      { school_id: 's1', class_id: 'c1', user_id: 'st1' },
      { school_id: 's9', class_id: 'c9', user_id: 'u9' },
      { school_id: 's1', class_id: 'c1', user_id: 'u9' },
    ];
    const result = await run(districtFiles('remind-csv-1.0', { 'enrollments.csv': enrollments }));
    expect(findings(result, 'ref-unknown').map((f) => [f.row, f.field, f.value])).toEqual([
      [3, 'class_id', 'c9'],
      [3, 'school_id', 's9'],
      [3, 'user_id', 'u9'],
      [4, 'user_id', 'u9'],
    ]);
  });
});

/**
 * The real sample sets (see each PROVENANCE.md and fixtures/samples.ts). Expectations are computed here
 * from the files with a plain split, not copied from the engine's output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, folderSources, run, summary } from './helpers.ts';
import { classesOf, peopleOf } from './fixtures/roster-view.ts';
import { readTable, type Table } from './fixtures/csv-table.ts';
import {
  ALL_SETS,
  sampleDir,
  sampleMissing,
  SHARED_SAMPLES,
  SHARED_SETS,
  VENDORED_SAMPLES,
  VENDORED_SETS,
} from './fixtures/samples.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const distinct = (values: string[]) => new Set(values.filter(Boolean)).size;
const runSet = (set: string) => run(folderSources(sampleDir(set)));
/** rules.md §3, asked of libphonenumber-js directly (not through the engine's prefix cache). */
const TERRITORIES = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP']);
const supported = (phone: string) => {
  const parsed = parsePhoneNumberFromString(phone, 'US');
  return parsed?.isValid() && TERRITORIES.has(parsed.country ?? '') ? parsed.number : null;
};
const tally = (list: string[]) =>
  list.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});
const setsIn = (root: string) =>
  readdirSync(root).flatMap((group) => readdirSync(join(root, group)).map((set) => `${group}/${set}`));

/** A suite of one sample set. A set that is not there is skipped without being read (its suite body loads it). */
function describeSet(title: string, set: string, suite: () => Promise<void>): void {
  if (sampleMissing(set)) describe.skip(title, () => it.skip(`needs ${sampleDir(set)}`, () => {}));
  else describe(title, suite);
}

const COVERED = [
  'clever/clever-sandbox-2015',
  'oneroster/edfi-lms-toolkit-or11-bulk',
  'oneroster/moodle-enrol-or11-bulk-dirty',
  'oneroster/moodle-enrol-or12-delta',
];

it('covers every sample set in the repository', () => {
  expect(ALL_SETS).toEqual(COVERED);
  expect(setsIn(VENDORED_SAMPLES)).toEqual(VENDORED_SETS);
});

it.skipIf(Object.keys(SHARED_SETS).some(sampleMissing))('covers every sample set of shared/samples', () => {
  expect(setsIn(SHARED_SAMPLES).sort()).toEqual(COVERED);
});

// issue 17: real exports must raise no false alarm of spreadsheet damage, and nothing may claim it as a cause.
describe.each(COVERED)('%s', (set) => {
  it.skipIf(sampleMissing(set))('raises no spreadsheet-damage', async () => {
    const result = await runSet(set);
    expect(findings(result, 'spreadsheet-damage')).toEqual([]);
    expect(findings(result).filter((f) => f.because)).toEqual([]);
  });
});

describe.each(VENDORED_SETS)('the vendored copy of %s', (set) => {
  const dir = sampleDir(set);
  const csvFiles = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  const sha256 = (file: string) =>
    createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');

  it('is byte-exact: sizes and sha256 as its PROVENANCE.md lists them', () => {
    const listed = [
      ...readFileSync(join(dir, 'PROVENANCE.md'), 'utf8').matchAll(
        /^\| (\S+\.csv) \| (\d+) \| ([0-9a-f]{16}) \|$/gm,
      ),
    ];
    expect(listed.map((m) => m[1]).sort()).toEqual(csvFiles.sort());
    for (const [, file, bytes, hash] of listed) {
      expect(readFileSync(join(dir, file)).length, file).toBe(Number(bytes));
      expect(sha256(file).slice(0, 16), file).toBe(hash);
    }
  });

  it('carries its licence and notice (Apache-2.0)', () => {
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(dir, 'NOTICE'), 'utf8')).toContain('Ed-Fi Alliance');
  });

  it.skipIf(!existsSync(join(SHARED_SAMPLES, set)))('is the same as the copy in shared/samples', () => {
    for (const file of readdirSync(join(SHARED_SAMPLES, set)))
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(SHARED_SAMPLES, set, file))), file).toBe(
        true,
      );
  });
});

describeSet(
  'Clever sandbox district (clever/clever-sandbox-2015)',
  'clever/clever-sandbox-2015',
  async () => {
    const set = 'clever/clever-sandbox-2015';
    const result = await runSet(set);
    const students = readTable(set, 'students.csv');
    const sections = readTable(set, 'sections.csv');
    const teachers = readTable(set, 'teachers.csv');
    const enrollments = readTable(set, 'enrollments.csv');

    it('is detected as Clever, with the counts of its files and no formatting finding', () => {
      expect(result.summary.format.id).toBe('clever');
      const contacts = students.rows
        .filter((r) => r.get('Contact_name') || r.get('Contact_phone') || r.get('Contact_email'))
        .map((r) =>
          [
            r.get('Contact_name'),
            r.get('Contact_email').toLowerCase(),
            r.get('Contact_phone').replace(/\D/g, ''),
          ].join('|'),
        );
      expect(result.summary.totals).toMatchObject({
        schools: readTable(set, 'schools.csv').rows.length,
        teachers: distinct(teachers.rows.map((r) => r.get('Teacher_id'))),
        students: distinct(students.rows.map((r) => r.get('Student_id'))),
        parents: distinct(contacts),
        staff: 0,
        classes: distinct(sections.rows.map((r) => r.get('Section_id'))),
        formatting: 0,
        hold: 0,
      });
      expect(result.summary.blocked).toBe(false);
    });

    it('reads every section teacher, co-teachers included', () => {
      const classes = classesOf(result);
      for (const s of sections.rows) {
        const columns = ['Teacher_id', 'Teacher_2_id', 'Teacher_3_id', 'Teacher_4_id'];
        const refs = [...new Set(columns.map((c) => s.get(c)).filter(Boolean))];
        expect(classes[s.get('Section_id')].teachers).toEqual(refs);
      }
      expect(summary(result, 'class-teacher')).toEqual([]);
    });

    it('reports the two-digit-year birth dates and the one impossible date', () => {
      const dobs = students.rows.map((r) => r.get('Dob'));
      const twoDigit = dobs.filter((d) => /^\d{1,2}\/\d{1,2}\/\d{2}$/.test(d)).length;
      const impossible = dobs.filter((d) => {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
        if (!m) return false;
        const date = new Date(Date.UTC(+m[3], +m[1] - 1, +m[2]));
        return date.getUTCMonth() !== +m[1] - 1;
      }).length;
      expect(twoDigit).toBeGreaterThan(1000);
      expect(impossible).toBe(1); // 02/29/2005
      const reasons = tally(summary(result, 'student-dob').map((s) => s.split(' ')[0]));
      expect(reasons).toEqual({ 'student-dob/two-digit-year': twoDigit, 'student-dob/invalid': impossible });
    });

    it('counts people in the schools of their own rows and of their sections (rules.md §8)', () => {
      const sectionSchool = new Map(sections.rows.map((s) => [s.get('Section_id'), s.get('School_id')]));
      const schoolsOf = new Map<string, Set<string>>();
      const add = (id: string, school: string) =>
        schoolsOf.set(id, (schoolsOf.get(id) ?? new Set()).add(school));
      for (const r of [...students.rows, ...teachers.rows])
        add(r.get('Student_id') || r.get('Teacher_id'), r.get('School_id'));
      for (const e of enrollments.rows) add(e.get('Student_id'), sectionSchool.get(e.get('Section_id'))!);
      for (const s of sections.rows)
        for (const c of ['Teacher_id', 'Teacher_2_id', 'Teacher_3_id', 'Teacher_4_id'])
          if (s.get(c)) add(s.get(c), s.get('School_id'));
      const count = (role: string, school: string) =>
        Object.entries(peopleOf(result)).filter(
          ([id, p]) => p.role === role && schoolsOf.get(id)?.has(school),
        ).length;
      for (const school of result.summary.schools) {
        expect(school.counts.students).toBe(count('student', school.id!));
        expect(school.counts.teachers).toBe(count('teacher', school.id!));
        // Every student of this set has a birth date Remind refuses, so each school has one error each.
        expect(school.error['student-dob']).toBe(school.counts.students);
      }
    });
    it('flags the contacts whose phone is not a US or Canadian number, and the contacts who share an email', () => {
      // A contact is identified by (name, email, phone digits), its ID is <smallest Student_id>/<name> (formats.md).
      const contacts = new Map<string, { id: string; email: string; phone: string }>();
      for (const r of students.rows) {
        const [name, email, phone] = ['Contact_name', 'Contact_email', 'Contact_phone'].map((c) => r.get(c));
        if (!name && !email && !phone) continue;
        const key = [name, email.toLowerCase(), phone.replace(/\D/g, '')].join('|');
        const id = `${r.get('Student_id')}/${name}`;
        const known = contacts.get(key);
        if (!known || id < known.id) contacts.set(key, { id, email: email.toLowerCase(), phone });
      }
      const unsupported = [...contacts.values()].filter((c) => c.phone && !supported(c.phone));
      expect(unsupported.length).toBeGreaterThan(100);
      expect(
        findings(result, 'phone-unsupported')
          .map((f) => `${f.id} ${f.value}`)
          .sort(),
      ).toEqual(unsupported.map((c) => `${c.id} ${c.phone}`).sort());
      // Every other device of this set is claimed once, except emails written under two contact identities:
      // the smaller ID keeps it, the other keeps its phone (or, without one, has parent-contact/taken).
      const devices = [
        ...students.rows.map((r) => r.get('Student_email').toLowerCase()),
        ...teachers.rows.map((r) => r.get('Teacher_email').toLowerCase()),
        ...[...contacts.values()].flatMap((c) => [c.email, supported(c.phone) ?? '']),
      ].filter(Boolean);
      expect(devices.every((d) => d.startsWith('+1') || /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(d))).toBe(true);
      const shared = Object.entries(tally(devices)).filter(([, n]) => n > 1);
      const byEmail = (email: string) =>
        [...contacts.values()].filter((c) => c.email === email).sort((a, b) => (a.id < b.id ? -1 : 1));
      const expected = shared.flatMap(([email]) =>
        byEmail(email)
          .slice(1)
          .map((c) => `${c.id} ${email} → ${byEmail(email)[0].id}`),
      );
      expect(shared.map(([d]) => byEmail(d).length)).toEqual(shared.map(([, n]) => n));
      expect(expected.length).toBeGreaterThan(0);
      expect(unsupported.filter((c) => expected.some((e) => e.startsWith(`${c.id} `)))).toEqual([]);
      expect(
        findings(result, 'device-in-use')
          .map((f) => `${f.id} ${f.value} → ${f.otherId}`)
          .sort(),
      ).toEqual(expected.sort());
      expect(summary(result, 'parent-contact')).toEqual([]);
    });
  },
);

describe('Ed-Fi OneRoster 1.1 set (oneroster/edfi-lms-toolkit-or11-bulk)', async () => {
  const set = 'oneroster/edfi-lms-toolkit-or11-bulk';
  const result = await runSet(set);
  const users = readTable(set, 'users.csv');
  const ragged = users.rows.filter((r) => r.width !== users.header.length);

  it('reports the ragged teacher rows of users.csv, whose extra cells are empty, and still reads them', () => {
    expect(result.summary.format.id).toBe('oneroster-1.1');
    expect(ragged.map((r) => r.get('role'))).toEqual(['teacher', 'teacher']);
    // A trailing comma: one extra cell, empty (rules.md §9: reported, but the record is read).
    expect(ragged.every((r) => r.width > users.header.length && r.extra.every((c) => c.trim() === ''))).toBe(
      true,
    );
    const rowColumns = [...result.findings].filter((f) => f.code === 'row-columns');
    expect(rowColumns.map((f) => [f.file, f.row, f.reason])).toEqual(
      ragged.map((r) => ['users.csv', r.row, 'extra-empty-cells']),
    );
    expect(rowColumns[0].message).toContain(
      `${ragged[0].width} cells where the header has ${users.header.length}`,
    );
    expect(result.summary.totals).toMatchObject({
      schools: readTable(set, 'orgs.csv').rows.filter((r) => r.get('type') === 'school').length,
      teachers: users.rows.filter((r) => r.get('role') === 'teacher').length,
      students: users.rows.filter((r) => r.get('role') === 'student').length,
      classes: readTable(set, 'classes.csv').rows.length,
    });
    expect(result.summary.blocked).toBe(true);
  });

  it('so its classes have their teachers: no class-teacher, and no reference is unknown', () => {
    const enrollments = readTable(set, 'enrollments.csv').rows;
    const taught = new Set(
      enrollments.filter((r) => r.get('role') === 'teacher').map((r) => r.get('classSourcedId')),
    );
    expect(readTable(set, 'classes.csv').rows.every((r) => taught.has(r.get('sourcedId')))).toBe(true);
    expect(summary(result, 'class-teacher')).toEqual([]);
    expect(summary(result, 'ref-unknown')).toEqual([]);
  });

  it('takes birth dates from demographics.csv and flags the (950) phones', () => {
    expect(summary(result, 'student-dob')).toEqual([]);
    // 950 is a NANP service code, not an area code in use.
    const with950 = users.rows
      .filter((r) => r.get('phone').startsWith('(950)'))
      .map((r) => r.get('sourcedId'));
    expect(
      summary(result, 'phone-unsupported')
        .map((s) => s.split(' ')[1])
        .sort(),
    ).toEqual(with950.sort());
  });
});

describeSet(
  'dirty Moodle OneRoster 1.1 set (oneroster/moodle-enrol-or11-bulk-dirty)',
  'oneroster/moodle-enrol-or11-bulk-dirty',
  async () => {
    const set = 'oneroster/moodle-enrol-or11-bulk-dirty';
    const result = await runSet(set);
    const orgs = readTable(set, 'orgs.csv');
    const sessions = readTable(set, 'academicSessions.csv');
    const active = (t: Table) => t.rows.filter((r) => r.get('status') !== 'tobedeleted');

    it('reports its broken references: a department used as a school, not the unread parent links', () => {
      const orgIds = new Set(orgs.rows.map((r) => r.get('sourcedId')));
      const sessionIds = new Set(sessions.rows.map((r) => r.get('sourcedId')));
      // The set has parent links no file defines (orgs.csv row 2, academicSessions.csv rows 3 and 6); Remind
      // never reads them, so they are not ref-unknown.
      const danglingParents = [
        ...active(orgs).filter((r) => r.get('parentSourcedId') && !orgIds.has(r.get('parentSourcedId'))),
        ...active(sessions).filter(
          (r) => r.get('parentSourcedId') && !sessionIds.has(r.get('parentSourcedId')),
        ),
      ];
      expect(danglingParents.length).toBe(3);
      const schoolIds = new Set(
        orgs.rows.filter((r) => r.get('type') === 'school').map((r) => r.get('sourcedId')),
      );
      const expected = [
        ...['classes.csv', 'enrollments.csv'].flatMap((file) =>
          active(readTable(set, file))
            .filter((r) => !schoolIds.has(r.get('schoolSourcedId')))
            .map((r) => `${file} ${r.row}`),
        ),
      ];
      expect(expected.length).toBeGreaterThanOrEqual(1);
      const found = [...result.findings]
        .filter((f) => f.code === 'ref-unknown')
        .map((f) => `${f.file} ${f.row}`);
      expect(found.sort()).toEqual(expected.sort());
    });

    it('has no school (file-empty on orgs.csv, which blocks), no demographics.csv and one linked parent', () => {
      const users = active(readTable(set, 'users.csv'));
      const byRole = tally(users.map((r) => r.get('role')));
      expect(result.summary.format.id).toBe('oneroster-1.1');
      expect(result.summary.totals).toMatchObject({
        schools: 0,
        teachers: byRole.teacher,
        students: byRole.student,
        parents: byRole.parent,
      });
      expect(result.summary.schools.map((s) => s.id)).toEqual([null]);
      expect(summary(result, 'file-missing')).toEqual(['file-missing/optional demographics.csv']);
      expect(orgs.rows.filter((r) => r.get('type') === 'school')).toEqual([]);
      expect(findings(result, 'file-empty').map((f) => f.message)).toEqual([
        `orgs.csv defines no school in its ${orgs.rows.length} rows.`,
      ]);
      expect(summary(result, 'student-dob')).toHaveLength(byRole.student);
      const parent = users.find((r) => r.get('role') === 'parent')!;
      expect(peopleOf(result)[parent.get('sourcedId')].students).toEqual([parent.get('agentSourcedIds')]);
      expect(result.summary.blocked).toBe(true);
    });

    it('flags each distinct phone or sms value that is not a valid US number, once per person', () => {
      const expected = active(readTable(set, 'users.csv'))
        .filter((r) => ['teacher', 'student', 'parent'].includes(r.get('role')))
        .flatMap((r) => {
          const bad = ['phone', 'sms'].map((c) => r.get(c)).filter((v) => v && !supported(v));
          return [...new Set(bad.map((v) => v.replace(/\D/g, '')))].map((d) => `${r.get('sourcedId')} ${d}`);
        });
      expect(expected.length).toBeGreaterThan(1);
      const found = findings(result, 'phone-unsupported').map(
        (f) => `${f.id} ${f.value?.replace(/\D/g, '')}`,
      );
      expect(found.sort()).toEqual(expected.sort());
    });
  },
);

describeSet(
  'Moodle OneRoster 1.2 delta set (oneroster/moodle-enrol-or12-delta)',
  'oneroster/moodle-enrol-or12-delta',
  async () => {
    const set = 'oneroster/moodle-enrol-or12-delta';
    const result = await runSet(set);

    it('is read as 1.2 with the 22-column users.csv, roles from roles.csv, no teacher for its class, delta files', () => {
      expect(readTable(set, 'users.csv').header).toHaveLength(22);
      expect(result.summary.format.id).toBe('oneroster-1.2');
      const role = readTable(set, 'roles.csv').rows[0];
      const demographics = readTable(set, 'demographics.csv').rows[0];
      expect(peopleOf(result)[role.get('userSourcedId')]).toMatchObject({
        role: role.get('role'),
        schools: [role.get('orgSourcedId')],
        dob: demographics.get('birthDate'),
      });
      const classId = readTable(set, 'classes.csv').rows[0].get('sourcedId');
      expect(readTable(set, 'enrollments.csv').rows.map((r) => r.get('role'))).toEqual(['student']);
      // Its manifest marks the files delta: one blocking delta-export per file Remind reads (rules.md §9).
      const read = ['orgs', 'users', 'classes', 'enrollments', 'roles', 'demographics'];
      const deltas = readTable(set, 'manifest.csv')
        .rows.filter((r) => r.get('value') === 'delta' && read.includes(r.get('propertyName').slice(5)))
        .map((r) => [r.row, `${r.get('propertyName').slice(5)}.csv`]);
      expect(deltas.length).toBe(read.length);
      expect(findings(result, 'delta-export').map((f) => [f.row, f.value])).toEqual(deltas);
      expect(summary(result).filter((s) => !s.startsWith('delta-export'))).toEqual([
        `class-teacher/no-teacher ${classId}`,
      ]);
      expect(result.summary.blocked).toBe(true);
      expect(result.summary.files.map((f) => f.name)).toContain('userProfiles.csv');
    });
  },
);

import { describe, expect, it } from 'vitest';
import { adapterFor } from '../formats/registry.ts';
import type { FormatAdapter } from '../formats/types.ts';
import { Roster } from '../model/roster.ts';
import { ReferenceStatus } from './reference-status.ts';
import type { ReadOutcome } from './read-job.ts';
import { References } from './references.ts';

const outcome = (header: string[] | null, readable = true): ReadOutcome => ({
  rows: 1,
  sha256: '',
  header,
  readable,
});

/** Reads `read` (spec name → outcome) of a format given `given`; returns what each read returned and the statuses. */
function run(format: string, given: string[], read: Array<[string, ReadOutcome]>) {
  const adapter = adapterFor(format) as FormatAdapter;
  const refs = new References(new Roster());
  const status = new ReferenceStatus(adapter, new Map(given.map((name, i) => [name, i])), refs);
  const before = refs.statusOf('person');
  const definesNothing = read.map(([name, o]) =>
    status.fileRead(
      adapter.files.find((s) => s.name === name)!,
      o,
    ),
  );
  return { before, definesNothing, person: refs.statusOf('person'), course: refs.statusOf('course') };
}

const CLEVER = ['schools.csv', 'teachers.csv', 'students.csv', 'sections.csv', 'enrollments.csv'];
const TEACHERS = outcome(['School_id', 'Teacher_id']);
const STUDENTS = outcome(['school_id', 'student_id']); // Clever's headers are case-insensitive

describe('ReferenceStatus', () => {
  it.each([
    [
      'every definer read',
      CLEVER,
      [
        ['teachers.csv', TEACHERS],
        ['students.csv', STUDENTS],
      ],
      [false, false],
      'complete',
    ],
    ['a definer still to read', CLEVER, [['teachers.csv', TEACHERS]], [false], 'pending'],
    [
      'a given optional definer still to read',
      [...CLEVER, 'staff.csv'],
      [
        ['teachers.csv', TEACHERS],
        ['students.csv', STUDENTS],
      ],
      [false, false],
      'pending',
    ],
    ['a definer unreadable', CLEVER, [['teachers.csv', outcome(null, false)]], [true], 'unavailable'],
    [
      'a definer without its ID column',
      CLEVER,
      [['teachers.csv', outcome(['School_id', 'Name'])]],
      [true],
      'unavailable',
    ],
    [
      'an allowed-empty definer (no header at all)',
      CLEVER,
      [
        ['teachers.csv', outcome([])],
        ['students.csv', STUDENTS],
      ],
      [false, false],
      'complete',
    ],
    [
      'a required definer not given',
      CLEVER.filter((n) => n !== 'teachers.csv'),
      [['students.csv', STUDENTS]],
      [false],
      'unavailable',
    ],
  ] as const)('%s: people references are %s', (_, given, read, definesNothing, person) => {
    const result = run(
      'clever',
      [...given],
      read.map(([n, o]) => [n, o]),
    );
    expect(result.definesNothing).toEqual(definesNothing);
    expect(result.person).toBe(person);
  });

  it('a kind no given file defines is not checked (courses.csv is optional in OneRoster)', () => {
    const given = ['manifest.csv', 'orgs.csv', 'users.csv', 'classes.csv', 'enrollments.csv'];
    const result = run('oneroster-1.1', given, []);
    expect([result.before, result.course]).toEqual(['pending', 'unavailable']);
  });
});

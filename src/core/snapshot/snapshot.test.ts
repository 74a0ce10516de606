import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { IdHasher } from './id-hash.ts';
import { removedSince, SNAPSHOT_KINDS, type RosterSnapshot } from './snapshot.ts';

const SALT = '0123456789abcdef';

async function district(students: number, seed = 1) {
  const files = generateInMemory(planDistrict({ format: 'clever', students, seed }));
  return run(Object.fromEntries(files), { salt: SALT });
}

describe('the run snapshot', () => {
  it('holds the sorted salted hashes of every teacher, student, parent and class ID', async () => {
    const result = await district(300);
    const hasher = new IdHasher(SALT);
    const people = [...result.roster.everyone()];
    const expected = (role: string) =>
      people
        .filter((p) => p.role === role)
        .map((p) => hasher.hash(p.id))
        .sort();
    const snapshot = result.snapshot;
    expect(snapshot.salt).toBe(SALT);
    expect(snapshot.teachers).toEqual(expected('teacher'));
    expect(snapshot.students).toEqual(expected('student'));
    expect(snapshot.parents).toEqual(expected('parent'));
    expect(snapshot.classes).toEqual(result.roster.classes.map((c) => hasher.hash(c.id)).sort());
    expect(snapshot.students.length).toBe(300);
  });

  it('is plain data to JSON, structured clone and spreading (the hex lists made when read)', async () => {
    const { snapshot } = await district(100);
    const plain = JSON.parse(JSON.stringify(snapshot)) as RosterSnapshot;
    expect(Object.keys(plain)).toEqual(['salt', ...SNAPSHOT_KINDS]);
    expect(structuredClone(snapshot)).toEqual(plain);
    expect({ ...snapshot }).toEqual(plain);
  });

  it('counts what is gone the same way from its numbers as from plain lists', async () => {
    const before = (await district(400, 2)).snapshot;
    const after = (await district(300, 2)).snapshot;
    const plainAfter = JSON.parse(JSON.stringify(after)) as RosterSnapshot;
    const plainBefore = JSON.parse(JSON.stringify(before)) as RosterSnapshot;
    plainBefore.students.push('not a hash', 'ffffffffffffffff');
    const removed = removedSince(plainBefore, after);
    expect(removed).toEqual(removedSince(plainBefore, plainAfter));
    expect(removed.students.before).toBe(402);
    expect(removed.students.gone).toBeGreaterThanOrEqual(102);
  });
});

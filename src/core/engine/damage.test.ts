import { describe, expect, it } from 'vitest';
import { Roster } from '../model/roster.ts';
import { DamageTracker } from './damage.ts';

/** A roster of `ids` (people in file 0, rows from 2), and a lookup that counts its calls. */
function setUp(ids: string[]) {
  const roster = new Roster();
  roster.files.push('users.csv', 'enrollments.csv');
  ids.forEach((id, i) => roster.addPerson(id, 'student', 0, i + 2));
  const damage = new DamageTracker(roster);
  damage.defines(0, 'user_id');
  let lookups = 0;
  const refs = {
    indexOf: (_kind: string, id: string) => {
      lookups++;
      return roster.findPerson(id);
    },
  };
  return { damage, refs, lookups: () => lookups };
}

describe('DamageTracker.explainRef', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => String(100000 + i));

  it('a whole file of references without their zeros costs about one lookup each', () => {
    const { damage, refs, lookups } = setUp(ids.map((id) => '000' + id));
    for (const [i, id] of ids.entries())
      expect(damage.explainRef(refs, 'person', id, 1, i + 2, 'user_id')?.reason).toBe('lost-leading-zeros');
    expect(lookups()).toBeLessThan(ids.length + 10);
  });

  it('a defining file that lost the zeros: one lookup per reference, the damage is the definer’s', () => {
    const { damage, refs, lookups } = setUp(ids);
    for (const [i, id] of ids.entries())
      expect(damage.explainRef(refs, 'person', '00' + id, 1, i + 2, 'user_id')).toEqual({
        reason: 'lost-leading-zeros',
        file: 0,
        field: 'user_id',
        other: id,
        definition: true,
      });
    expect(lookups()).toBe(ids.length);
  });

  it('tries nothing for references that are not IDs a spreadsheet rewrites', () => {
    const { damage, refs, lookups } = setUp(ids);
    expect(damage.explainRef(refs, 'person', 'T0001', 1, 2, 'user_id')).toBeNull();
    expect(damage.explainRef(refs, 'course', '123', 1, 2, 'course_id')).toBeNull();
    expect(lookups()).toBe(0);
    expect(damage.found).toBe(false);
  });
});

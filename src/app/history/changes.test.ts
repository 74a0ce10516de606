import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings, listChanges, type ComparableFinding } from '../../core/report/changes.ts';
import { ChangeCounter } from './changes.ts';

const arbFinding: fc.Arbitrary<ComparableFinding> = fc.record({
  code: fc.constantFrom('teacher-email', 'student-dob', 'row-columns'),
  id: fc.option(fc.constantFrom('t1', 't2', 's1'), { nil: null }),
  reason: fc.option(fc.constantFrom('missing', 'invalid'), { nil: null }),
  file: fc.option(fc.constantFrom('a.csv', 'b.csv'), { nil: null }),
  row: fc.option(fc.integer({ min: 2, max: 4 }), { nil: null }),
  schools: fc.uniqueArray(fc.constantFrom<string | null>('s1', 's2', null), { maxLength: 2 }),
});

function counted(previous: ComparableFinding[], current: ComparableFinding[]) {
  const counter = new ChangeCounter();
  previous.forEach((f) => counter.addPrevious(f));
  current.forEach((f) => counter.addCurrent(f));
  return counter.result();
}

describe('changes counted while findings stream by', () => {
  it('agree with compareFindings for the district and for every school', () => {
    fc.assert(
      fc.property(
        fc.array(arbFinding, { maxLength: 30 }),
        fc.array(arbFinding, { maxLength: 30 }),
        (before, now) => {
          const result = counted(before, now);
          expect(result.district).toEqual(compareFindings(before, now));
          for (const [key, school] of [
            ['id:s1', 's1'],
            ['id:s2', 's2'],
            ['none', null],
          ] as const) {
            const expected = compareFindings(before, now, school);
            const empty = expected.new + expected.resolved + expected.unchanged === 0;
            expect(result.schools[key] ?? (empty ? expected : undefined)).toEqual(expected);
          }
        },
      ),
    );
  });

  it('lists the new and resolved findings as core/report listChanges does', () => {
    fc.assert(
      fc.property(
        fc.array(arbFinding, { maxLength: 30 }),
        fc.array(arbFinding, { maxLength: 30 }),
        (before, now) => {
          const counter = new ChangeCounter({ lists: 1000 });
          before.forEach((f) => counter.addPrevious(f));
          now.forEach((f) => counter.addCurrent(f));
          const { new: added, resolved } = listChanges(before, now);
          const lists = counter.result().lists!;
          expect(lists.new).toEqual(added);
          expect(lists.resolvedAt.map((i) => before[i])).toEqual(resolved);
        },
      ),
    );
  });

  it('keeps at most its limit of each list (the numbers stay whole)', () => {
    const f = (id: string) => ({ code: 'x', id, reason: null, file: null, row: null, schools: [] });
    const counter = new ChangeCounter({ lists: 2 });
    ['a', 'b', 'c'].forEach((id) => counter.addPrevious(f(id)));
    ['d', 'e', 'g'].forEach((id) => counter.addCurrent(f(id)));
    const result = counter.result();
    expect(result.district).toEqual({ new: 3, resolved: 3, unchanged: 0 });
    expect(result.lists).toEqual({ new: [f('d'), f('e')], resolvedAt: [0, 1] });
  });

  it('counts a repeated finding as many times as it occurs', () => {
    const lost = { code: 'device-in-use', id: 'p1', reason: null, file: null, row: null, schools: ['s1'] };
    expect(counted([lost, lost], [lost]).district).toEqual({ new: 0, resolved: 1, unchanged: 1 });
  });

  it('refuses an earlier finding after the current ones started', () => {
    const counter = new ChangeCounter();
    const f = { code: 'x', id: 'a', reason: null, file: null, row: null, schools: [] };
    counter.addCurrent(f);
    expect(() => counter.addPrevious(f)).toThrow(/first/);
  });
});

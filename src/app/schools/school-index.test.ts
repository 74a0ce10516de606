import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schoolCounts, schoolStatus, type SyncState } from '../../core/report/status.ts';
import type { SchoolEntry } from '../../shared/report-types.ts';
import { SchoolIndex, schoolIndex } from './school-index.ts';
import type { SortDirection, SortKey } from './sort.ts';

const KEYS: SortKey[] = ['name', 'teachers', 'students', 'errors', 'alerts', 'status'];
const RANK = { unplaced: 0, ready: 1, blocked: 1, held: 1, alerts: 2, errors: 3 };

/** The table's sorting and filtering written plainly: every school, every time. */
function reference(
  schools: SchoolEntry[],
  sync: SyncState,
  text: string,
  key: SortKey,
  direction: SortDirection,
): number[] {
  const needle = text.trim().toLocaleLowerCase('en-US');
  const value = (s: SchoolEntry): string | number =>
    key === 'name'
      ? s.name.toLocaleLowerCase('en-US')
      : key === 'errors' || key === 'alerts'
        ? schoolCounts(s)[key]
        : key === 'status'
          ? RANK[schoolStatus(s, sync)]
          : s.counts[key];
  const sign = direction === 'ascending' ? 1 : -1;
  const last = (i: number) => (key === 'name' && schools[i].id === null ? 1 : 0);
  return schools
    .map((_, i) => i)
    .filter(
      (i) =>
        schools[i].name.toLocaleLowerCase('en-US').includes(needle) ||
        (schools[i].id ?? '').toLocaleLowerCase('en-US').includes(needle),
    )
    .sort((a, b) => {
      const [va, vb] = [value(schools[a]), value(schools[b])];
      return last(a) - last(b) || (va < vb ? -sign : va > vb ? sign : a - b);
    });
}

const school = fc.record({
  id: fc.option(fc.stringMatching(/^[a-zA-Z0-9]{1,4}$/), { nil: null, freq: 8 }),
  name: fc.stringMatching(/^[a-cA-CäÄß İ0-9]{0,6}$/),
  counts: fc.record({
    teachers: fc.nat(3),
    students: fc.nat(3),
    parents: fc.constant(0),
    classes: fc.constant(0),
  }),
  error: fc.dictionary(fc.constantFrom('teacher-email', 'class-empty'), fc.nat(2)),
  alert: fc.dictionary(fc.constantFrom('device-in-use'), fc.nat(2)),
}) as fc.Arbitrary<SchoolEntry>;

const step = fc.record({
  text: fc.stringMatching(/^ ?[a-cA-CäÄß İ0-9]{0,3} ?$/),
  key: fc.constantFrom(...KEYS),
  direction: fc.constantFrom<SortDirection>('ascending', 'descending'),
});

describe('SchoolIndex', () => {
  it('shows what filtering and sorting every school every time would show, through any typing', () => {
    fc.assert(
      fc.property(
        fc.array(school, { maxLength: 30 }),
        fc.array(step, { maxLength: 12 }),
        fc.constantFrom<SyncState>('clear', 'held', 'blocked'),
        (schools, steps, sync) => {
          const index = new SchoolIndex(schools, sync);
          for (const { text, key, direction } of steps) {
            // Typing a text a character at a time, then the step's own text (which may not extend it).
            for (let k = 1; k <= text.length; k++)
              expect(index.shown(text.slice(0, k), key, direction)).toEqual(
                reference(schools, sync, text.slice(0, k), key, direction),
              );
            expect(index.shown(text.slice(1), key, direction)).toEqual(
              reference(schools, sync, text.slice(1), key, direction),
            );
          }
        },
      ),
    );
  });

  const many = (n: number): SchoolEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: `School ${String(i).padStart(6, '0')}`,
      counts: { teachers: 1, students: i % 7, parents: 0, classes: 1 },
      error: {},
      alert: {},
    }));

  it('narrows the last result while the filter text grows, instead of looking at every school again', () => {
    const index = new SchoolIndex(many(10_000));
    const visits = (text: string) => {
      const before = index.visited;
      const shown = index.shown(text, 'name', 'ascending');
      return [shown.length, index.visited - before];
    };
    expect(visits('School 00')).toEqual([10_000, 10_000]);
    expect(visits('School 009')).toEqual([1_000, 10_000]);
    expect(visits('School 0098')).toEqual([100, 1_000]);
    expect(visits('School 00987')).toEqual([10, 100]);
    expect(visits('School 0098')).toEqual([100, 10_000]); // a shorter text starts over
    expect(visits('school 00987 ')).toEqual([10, 100]); // letter case and spaces do not matter
    index.order('students', 'ascending');
    expect(visits('School 009876')).toEqual([1, 10]);
    const shown = index.shown('School 00', 'students', 'ascending'); // another order starts over
    expect(shown.slice(0, 3)).toEqual([0, 7, 14]);
    expect(index.shown('School 000', 'students', 'ascending').slice(0, 3)).toEqual([0, 7, 14]);
  });

  it('sorts each order once and keeps it', () => {
    const index = new SchoolIndex(many(100));
    const order = index.order('students', 'descending');
    expect(index.order('students', 'descending')).toBe(order);
    expect(index.order('students', 'ascending')).not.toBe(order);
  });

  it('is made once per list of schools', () => {
    const schools = many(3);
    expect(schoolIndex(schools)).toBe(schoolIndex(schools));
    expect(schoolIndex([...schools])).not.toBe(schoolIndex(schools));
  });
});

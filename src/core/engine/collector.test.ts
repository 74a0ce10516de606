import { describe, expect, it } from 'vitest';
import { studentDob } from '../rules/student-dob.ts';
import { FindingCollector } from './collector.ts';

describe('FindingCollector.add', () => {
  it.each([
    ['no index: the fields’ own', { index: 7 }, undefined, 7],
    ['no index and none in the fields', {}, undefined, -1],
    ['an index: it wins over the fields’', { index: 7 }, 3, 3],
    ['index 0 is an index', { index: 7 }, 0, 0],
  ])('%s', (_, fields, index, expected) => {
    const collector = new FindingCollector();
    collector.add(studentDob, 'person', fields, index);
    expect(collector.raw[0].index).toBe(expected);
  });

  it('leaves the fields it was given as they were', () => {
    const fields = { value: '1/5/12', reason: 'two-digit-year' };
    const collector = new FindingCollector();
    collector.add(studentDob, 'person', fields, 4);
    expect(fields).toEqual({ value: '1/5/12', reason: 'two-digit-year' });
    expect(collector.raw[0]).toMatchObject({
      code: 'student-dob',
      index: 4,
      value: '1/5/12',
      reason: 'two-digit-year',
    });
  });

  it('shortens long values and keeps short ones', () => {
    const collector = new FindingCollector();
    collector.add(studentDob, 'person', { value: 'x'.repeat(400) }, 1);
    collector.add(studentDob, 'person', { value: 'x'.repeat(300) }, 2);
    expect(collector.raw.map((f) => f.value!.length)).toEqual([301, 300]);
  });
});

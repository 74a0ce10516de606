import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding.ts';
import {
  acknowledgedBy,
  acknowledgementFor,
  acknowledgementOf,
  acknowledgementsFile,
  readAcknowledgements,
  sameAcknowledgement,
  verdictOf,
} from './acknowledged.ts';

const finding = (more: Partial<Finding>): Finding => ({
  severity: 'error',
  code: 'parent-contact',
  reason: 'missing',
  entity: 'parent',
  id: 'p1',
  name: 'Ann Kim',
  schools: ['s1'],
  file: 'students.csv',
  row: 2,
  field: 'phone',
  value: '555',
  otherId: null,
  message: 'm',
  fix: 'f',
  ...more,
});

describe('acknowledged findings', () => {
  it.each([
    ['code and ID', { code: 'parent-contact', id: 'p1' }, true],
    ['another ID', { code: 'parent-contact', id: 'p2' }, false],
    ['another code', { code: 'parent-name', id: 'p1' }, false],
    ['the same field and value', { code: 'parent-contact', id: 'p1', field: 'phone', value: '555' }, true],
    ['another value', { code: 'parent-contact', id: 'p1', field: 'phone', value: '556' }, false],
    ['another field', { code: 'parent-contact', id: 'p1', field: 'email' }, false],
    ['null field and value: any', { code: 'parent-contact', id: 'p1', field: null, value: null }, true],
  ])('matches by %s: %s', (_, ack, expected) => {
    expect(acknowledgedBy([ack])(finding({}))).toBe(expected);
  });

  it('never matches a finding without a record ID', () => {
    expect(
      acknowledgedBy([{ code: 'row-columns', id: '' }])(finding({ code: 'row-columns', id: null })),
    ).toBe(false);
  });

  it('leaves the blocking and the errors that are not acknowledged', () => {
    const rowBreak = finding({ severity: 'formatting', code: 'row-columns', id: null, reason: null });
    const is = acknowledgedBy([{ code: 'parent-contact', id: 'p1' }]);
    expect(verdictOf([finding({}), finding({ id: 'p2' }), rowBreak], is)).toEqual({
      acknowledged: 1,
      errors: 1,
      blocked: true,
    });
  });

  it.each([
    [[], /expected \{ "acknowledged"/],
    [{ acknowledged: [null] }, /acknowledged\[0\] is not an object/],
    [{ acknowledged: [{ code: 'x', id: 'a', note: 3 }] }, /acknowledged\[0\]\.note is not text/],
  ])('refuses %j with a reason', (data, why) => {
    expect(readAcknowledgements(data)).toMatch(why);
  });

  it('reads a well-formed file', () => {
    const list = [
      { code: 'parent-contact', id: 'p1', field: null, value: null, note: 'no phone of their own' },
    ];
    expect(readAcknowledgements({ acknowledged: list })).toEqual(list);
  });

  it('gives the acknowledgement a finding matches (its note)', () => {
    const list = [
      { code: 'parent-contact', id: 'p1', field: 'email', note: 'other field' },
      { code: 'parent-contact', id: 'p1', note: 'any field' },
    ];
    expect(acknowledgementOf(list)(finding({}))?.note).toBe('any field');
    expect(acknowledgementOf(list)(finding({ id: 'p9' }))).toBeUndefined();
  });

  it('makes the acknowledgement of exactly one finding, which the file round-trips', () => {
    const a = acknowledgementFor(finding({}), '  known  ')!;
    expect(a).toEqual({ code: 'parent-contact', id: 'p1', field: 'phone', value: '555', note: 'known' });
    expect(acknowledgementFor(finding({}), '  ')!.note).toBeNull();
    expect(acknowledgementFor(finding({ id: null }), null)).toBeNull();
    expect(acknowledgedBy([a])(finding({ value: '556' }))).toBe(false);
    expect(sameAcknowledgement(a, { ...a, note: 'other' })).toBe(true);
    expect(sameAcknowledgement(a, { ...a, value: null })).toBe(false);
    const file = JSON.parse(JSON.stringify(acknowledgementsFile([a, { code: 'x', id: 'y' }])));
    expect(readAcknowledgements(file)).toEqual([
      a,
      { code: 'x', id: 'y', field: null, value: null, note: null },
    ]);
  });
});

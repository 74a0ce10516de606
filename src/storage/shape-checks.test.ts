import { describe, expect, it } from 'vitest';
import {
  bool,
  countOf,
  FUTURE_TOLERANCE_MS,
  list,
  mapOf,
  object,
  optional,
  orNull,
  string,
  timeProblem,
  type Check,
} from './shape-checks.ts';

const NOW = Date.parse('2026-11-23T09:00:00.000Z');
const time: Check = (v, at) => timeProblem(v, at, NOW);

describe('the checks of parsed JSON', () => {
  it.each<[string, Check, unknown, string | null]>([
    ['text', string, 'x', null],
    ['text, given a number', string, 3, 'x is 3, not text'],
    ['a count', countOf, 0, null],
    ['a count, given a negative', countOf, -1, 'x is -1, not a count'],
    ['a count, given a fraction', countOf, 1.5, 'x is 1.5, not a count'],
    ['true or false, missing', bool, undefined, 'x is not true or false'],
    ['an optional value, missing', optional(bool), undefined, null],
    ['an optional value, wrong', optional(bool), 'yes', 'x is not true or false'],
    ['a value or null, null', orNull(string), null, null],
    ['a value or null, missing', orNull(string), undefined, 'x is missing, not text'],
    ['a list, its second item wrong', list(countOf), [1, 'a'], 'x[1] is "a", not a count'],
    ['a list, given a record', list(countOf), {}, 'x is {}, not a list'],
    [
      'a record, its first wrong field',
      object({ a: string, b: countOf }),
      { b: -1 },
      'x.a is missing, not text',
    ],
    ['a record, given a list', object({}), [], 'x is [], not a record'],
    ['a map, a wrong value', mapOf(countOf), { 'a b': null }, 'x["a b"] is null, not a count'],
    ['a time', time, '2026-11-23T09:00:00Z', null],
    [
      'a time in another form',
      time,
      '2026-11-23',
      'x is "2026-11-23", not a time such as 2026-11-23T09:00:00.000Z',
    ],
    ['a time that is no date', time, '2026-13-45T09:00:00.000Z', expect.stringMatching(/not a time/)],
    ['a time far ahead', time, '2026-11-23T11:00:00.000Z', 'x is 2026-11-23T11:00:00.000Z, in the future'],
    ['a time a little ahead', time, new Date(NOW + FUTURE_TOLERANCE_MS).toISOString(), null],
  ])('%s', (_, check, value, problem) => {
    expect(check(value, 'x')).toEqual(problem);
  });

  it('shows at most 40 characters of a wrong value', () => {
    expect(string(['y'.repeat(100)], 'x')).toBe(
      `x is ${JSON.stringify(['y'.repeat(100)]).slice(0, 40)}, not text`,
    );
  });
});

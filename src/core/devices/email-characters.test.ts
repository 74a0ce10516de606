import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import { runRemind1 } from '../../../tests/fixtures/rules/remind1.ts';
import { nonAsciiCharacter, nonAsciiNote } from './email-characters.ts';

describe('the non-ASCII character of a refused email', () => {
  it.each<[string, string, string | null]>([
    ['plain ASCII', 'ada@school.org', null],
    ['ASCII but invalid', 'ada@school', null],
    ['an accented letter', 'josé@school.org', '"é" (U+00E9)'],
    ['a letter written with a combining accent', 'jose\u0301@school.org', 'a combining accent (U+0301)'],
    ['a fullwidth at sign', 'ada＠school.org', '"＠" (U+FF20)'],
    ['a curly apostrophe', 'o’brien@school.org', '"’" (U+2019)'],
    ['a zero-width space inside', 'ada\u200b@school.org', 'an invisible character (U+200B)'],
    ['a non-breaking space inside', 'ada lovelace\u00a0@school.org', 'an invisible character (U+00A0)'],
    ['a non-breaking space at the end only (trimmed away)', 'ada@school.org\u00a0', null],
    ['the first of several', 'zoë.müller@school.org', '"ë" (U+00EB)'],
    ['a character outside the BMP', 'ada𝒶@school.org', '"𝒶" (U+1D4B6)'],
    ['Cyrillic а that looks like Latin a', 'аda@school.org', '"а" (U+0430)'],
  ])('%s: %j', (_, value, expected) => {
    expect(nonAsciiCharacter(value)).toBe(expected);
    expect(nonAsciiNote(value) === '').toBe(expected === null);
  });
});

describe('teacher-email and parent-contact messages name the character', () => {
  it('says which character made a teacher’s address invalid', async () => {
    const result = await runRemind1([{ id: 't1', email: 'josé@school.org' }]);
    const [f] = findings(result, 'teacher-email');
    expect(f.reason).toBe('invalid');
    expect(f.message).toBe(
      'Teacher Ada Lovelace has no valid email address ("josé@school.org"). It contains "é" (U+00E9), which an ' +
        'email address cannot hold: only unaccented letters, digits and . _ - + and a few other ASCII symbols.',
    );
  });

  it('says nothing of characters when the address is plain ASCII', async () => {
    const result = await runRemind1([{ id: 't1', email: 'ada@school' }]);
    expect(findings(result, 'teacher-email')[0].message).toBe(
      'Teacher Ada Lovelace has no valid email address ("ada@school").',
    );
  });

  it('says which character made a parent’s only email invalid, but not for a phone', async () => {
    const result = await runRemind1(
      [{ id: 't1', email: 'ada@school.org' }],
      [
        { student: 'st1', first: 'Zoë', last: 'Kim', email: 'zoë@home.org' },
        { student: 'st2', first: 'Al', last: 'Roe', phone: '555-0100' },
      ],
    );
    const [zoe, al] = findings(result, 'parent-contact');
    expect(zoe.message).toContain(
      '("zoë@home.org"). It contains "ë" (U+00EB), which an email address cannot hold',
    );
    expect(al.message).not.toContain('It contains');
  });
});

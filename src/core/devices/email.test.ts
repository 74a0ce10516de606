import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText } from '../model/texts.ts';
import { emailKey, INVALID_EMAIL, isValidEmail, validEmailHash } from './email.ts';

/** rules.md §3 as regular expressions: the first implementation, kept as the reference. */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,}$/;
function referenceIsValid(raw: string): boolean {
  const email = raw.trim();
  if (email.length > 254) return false;
  const at = email.indexOf('@');
  if (at < 0 || email.indexOf('@', at + 1) >= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) if (!LABEL.test(label)) return false;
  return TLD.test(labels[labels.length - 1]);
}

const label = (n: number) => 'd'.repeat(n);
/** An address exactly `total` characters long whose every part is valid on its own. */
function addressOfLength(total: number): string {
  const local = 'l'.repeat(64);
  const labels: string[] = [];
  let domainLength = total - local.length - 1 - '.org'.length;
  while (domainLength > 0) {
    const n = Math.min(63, domainLength - (labels.length > 0 ? 1 : 0));
    labels.push(label(Math.max(n, 1)));
    domainLength -= n + (labels.length > 1 ? 1 : 0);
  }
  return `${local}@${labels.join('.')}.org`;
}

describe('isValidEmail (rules.md §3)', () => {
  it.each([
    // one @
    ['plain address', 'ada@school.org', true],
    ['no @', 'ada.school.org', false],
    ['two @', 'ada@home@school.org', false],
    ['doubled @', 'ada@@school.org', false],
    // local part: 1–64 of the allowed characters, no dot at either end, no ".."
    ['empty local part', '@school.org', false],
    ['every allowed special character', "a!#$%&'*+/=?^_`{|}~.-z@school.org", true],
    ['local part of 64', `${'l'.repeat(64)}@school.org`, true],
    ['local part of 65', `${'l'.repeat(65)}@school.org`, false],
    ['local part starting with a dot', '.ada@school.org', false],
    ['local part ending with a dot', 'ada.@school.org', false],
    ['two dots in a row', 'ada..l@school.org', false],
    ['dots inside the local part', 'ada.b.l@school.org', true],
    ['a space', 'ada l@school.org', false],
    ['a comma', 'ada,l@school.org', false],
    ['quoted local part', '"ada"@school.org', false],
    ['non-ASCII letter', 'zoë@school.org', false],
    // domain: 2+ labels of letters, digits, hyphens (not at either end), 1–63 each
    ['one label only', 'ada@localhost', false],
    ['empty label', 'ada@school..org', false],
    ['leading dot in the domain', 'ada@.school.org', false],
    ['trailing dot', 'ada@school.org.', false],
    ['label starting with a hyphen', 'ada@-school.org', false],
    ['label ending with a hyphen', 'ada@school-.org', false],
    ['hyphen inside a label', 'ada@my-school.org', true],
    ['digits in a label', 'ada@ps123.nyc.org', true],
    ['punycode label', 'ada@xn--schl-5qa.org', true],
    ['underscore in the domain', 'ada@my_school.org', false],
    ['label of 63', `ada@${label(63)}.org`, true],
    ['label of 64', `ada@${label(64)}.org`, false],
    ['IP literal', 'ada@[10.0.0.1]', false],
    // last label: 2+ letters
    ['one-letter last label', 'ada@school.o', false],
    ['digits in the last label', 'ada@school.o2', false],
    ['all-digit last label', 'ada@10.0.0.1', false],
    ['long last label', 'ada@school.education', true],
    // whole address ≤ 254, after trimming
    ['254 characters', addressOfLength(254), true],
    ['255 characters', addressOfLength(255), false],
    ['surrounding spaces', '  ada@school.org  ', true],
    ['upper case', 'ADA@SCHOOL.ORG', true],
    ['two addresses in one cell', 'ada@school.org; bo@school.org', false],
    ['"N/A"', 'N/A', false],
  ])('%s: %s → %s', (_, email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });

  it('builds the length cases right', () => {
    expect(addressOfLength(254)).toHaveLength(254);
    expect(addressOfLength(255)).toHaveLength(255);
  });
});

describe('emailKey', () => {
  it.each([
    ['Ada@School.ORG', 'ada@school.org'],
    ['  ada@school.org ', 'ada@school.org'],
  ])('%s compares as %s', (raw, key) => {
    expect(emailKey(raw)).toBe(key);
  });
});

describe('isValidEmail agrees with the regular expressions of rules.md §3', () => {
  it('on random addresses (property)', () => {
    const part = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', '.', '-', '@', '_', '+', ' ', '\u00a0', 'é', ',', '"', '\t'),
      maxLength: 12,
    });
    const address = fc.oneof(
      part,
      fc
        .tuple(part, part, fc.constantFrom('org', 'io', 'c0m', 'x', '-us', 'edu '))
        .map(([a, b, tld]) => `${a}@${b}.${tld}`),
      fc
        .tuple(fc.nat(70), fc.nat(70), fc.nat(70))
        .map(([l, d, e]) => `${'l'.repeat(l)}@${'d'.repeat(d)}.${'e'.repeat(e)}org`),
    );
    fc.assert(
      fc.property(address, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (raw, before, after) => {
        expect(isValidEmail(raw)).toBe(referenceIsValid(raw));
        expect(emailKey(raw)).toBe(raw.trim().toLowerCase());
        // In place, as the device pass reads kept (trimmed) addresses: valid ones give the hash of
        // their lower-cased text.
        const email = raw.trim();
        const hash = validEmailHash(before + email + after, before.length, email.length);
        expect(hash).toBe(referenceIsValid(raw) ? hashText(email.toLowerCase()) & 0x3fffffff : INVALID_EMAIL);
      }),
      { numRuns: 50000 },
    );
  });

  it.each([addressOfLength(254), addressOfLength(255), ' ada@school.org\u00a0', '\ufeffada@school.org'])(
    'on %s',
    (raw) => expect(isValidEmail(raw)).toBe(referenceIsValid(raw)),
  );
});

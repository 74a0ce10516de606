import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Texts } from '../model/texts.ts';
import { emailKey, validEmailHash } from './email.ts';
import { EmailKeys, PhoneKeys } from './key-tables.ts';

function emailCodes(emails: string[]): number[] {
  const texts = new Texts();
  const refs = emails.map((e) => texts.add(e));
  const keys = new EmailKeys(texts, emails.length);
  return refs.map((ref) =>
    keys.keyOf(ref, validEmailHash(texts.source(ref), texts.offset(ref), texts.length(ref))),
  );
}

/** Key numbers as they would be if the keys were the strings themselves: first seen, first numbered. */
function expectedCodes(keys: (string | number)[]): number[] {
  const numbers = new Map<string | number, number>();
  return keys.map((k) => numbers.get(k) ?? (numbers.set(k, numbers.size), numbers.size - 1));
}

describe('EmailKeys', () => {
  it.each<[string, string[], number[]]>([
    ['one address', ['ada@school.org'], [0]],
    ['case does not matter', ['Ada@School.ORG', 'ada@school.org', 'ADA@SCHOOL.ORG'], [0, 0, 0]],
    ['different addresses', ['ada@school.org', 'bo@school.org', 'ada@school.com'], [0, 1, 2]],
    ['a longer address is another', ['ada@school.org', 'ada@school.org.uk'], [0, 1]],
  ])('%s', (_, emails, codes) => {
    expect(emailCodes(emails)).toEqual(codes);
  });

  it('numbers valid addresses by their lower-cased text (property)', () => {
    const email = fc
      .tuple(
        fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '.', '_', '1'), minLength: 1, maxLength: 4 }),
        fc.constantFrom('x.org', 'X.org', 'x.ORG', 'y.io', 'Y.IO', 'x-1.org'),
      )
      .map(([local, domain]) => `${local}@${domain}`)
      .filter((e) => validEmailHash(e, 0, e.length) >= 0);
    fc.assert(
      fc.property(fc.array(email, { maxLength: 40 }), (emails) => {
        expect(emailCodes(emails)).toEqual(expectedCodes(emails.map(emailKey)));
      }),
    );
  });
});

describe('PhoneKeys', () => {
  it('numbers phones by their E.164 digits (property)', () => {
    const phone = fc.integer({ min: 12_002_000_000, max: 19_899_999_999 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(phone, fc.constantFrom(12_122_345_678, 17_852_658_181)), { maxLength: 40 }),
        (numbers) => {
          const keys = new PhoneKeys(numbers.length);
          expect(numbers.map((n) => keys.keyOf(n))).toEqual(expectedCodes(numbers));
        },
      ),
    );
  });
});

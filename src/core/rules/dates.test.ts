import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, checkDob, parseDob } from './dates.ts';

const TODAY = { year: 2026, month: 11, day: 28 };

describe('checkDob (rules.md §5)', () => {
  it.each([
    // every accepted layout
    ['MM/DD/YYYY', '01/05/2012', 'ok'],
    ['M/D/YYYY', '1/5/2012', 'ok'],
    ['M/DD/YYYY', '1/15/2012', 'ok'],
    ['YYYY/MM/DD', '2012/01/05', 'ok'],
    ['YYYY-MM-DD', '2012-01-05', 'ok'],
    ['surrounding spaces', ' 2012-01-05 ', 'ok'],
    // real calendar dates only
    ['29 February of a leap year', '02/29/2012', 'ok'],
    ['29 February of 2000', '2000-02-29', 'ok'],
    ['29 February of a common year', '02/29/2011', 'invalid'],
    ['29 February of 1900 (not a leap year)', '1900-02-29', 'invalid'],
    ['30 February', '02/30/2012', 'invalid'],
    ['31 April', '04/31/2012', 'invalid'],
    ['month 13 (a DD/MM date)', '13/01/2010', 'invalid'],
    ['month 0', '00/10/2010', 'invalid'],
    ['day 0', '2010-10-00', 'invalid'],
    ['day 32', '01/32/2010', 'invalid'],
    // 1900 up to the day of validation
    ['1 January 1900', '1900-01-01', 'ok'],
    ['31 December 1899', '12/31/1899', 'invalid'],
    ['the day of validation', '11/28/2026', 'ok'],
    ['the day after', '11/29/2026', 'invalid'],
    ['next year', '2027-01-01', 'invalid'],
    // other layouts and text
    ['an ISO date-time', '2012-01-05T00:00:00Z', 'invalid'],
    ['a date and a time', '2012-01-05 00:00', 'invalid'],
    ['YYYY-M-D', '2012-1-5', 'invalid'],
    ['mixed separators', '2012/01-05', 'invalid'],
    ['MM-DD-YYYY', '01-05-2012', 'invalid'],
    ['DD.MM.YYYY', '05.01.2012', 'invalid'],
    ['digits only', '20120105', 'invalid'],
    ['words', 'January 5, 2012', 'invalid'],
    ['text', 'unknown', 'invalid'],
    // two-digit years
    ['M/D/YY', '1/5/12', 'two-digit-year'],
    ['MM/DD/YY', '01/05/12', 'two-digit-year'],
    ['a two-digit year with an impossible month', '13/45/12', 'invalid'],
    // nothing written
    ['empty', '', 'missing'],
    ['blank', '   ', 'missing'],
  ])('%s: "%s" → %s', (_, raw, verdict) => {
    expect(checkDob(raw, TODAY)).toBe(verdict);
  });

  it('treats no value at all as missing', () => {
    expect(checkDob(null, TODAY)).toBe('missing');
  });
});

describe('parseDob', () => {
  it.each([
    ['1/5/2012', { year: 2012, month: 1, day: 5 }],
    ['2012/01/05', { year: 2012, month: 1, day: 5 }],
    ['2012-12-31', { year: 2012, month: 12, day: 31 }],
    ['12-31-2012', null],
  ])('%s → %o', (raw, date) => {
    expect(parseDob(raw)).toEqual(date);
  });
});

/** The layouts as regular expressions (rules.md §5): the first implementation, kept as the reference. */
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
const TWO_DIGIT = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;
function referenceParse(raw: string): { year: number; month: number; day: number } | null {
  let m = US.exec(raw);
  if (m) return { year: +m[3], month: +m[1], day: +m[2] };
  m = ISO.exec(raw);
  if (m) return { year: +m[1], month: +m[3], day: +m[4] };
  return null;
}
function referenceCheck(raw: string | null): string {
  const text = (raw ?? '').trim();
  if (text === '') return 'missing';
  const date = referenceParse(text);
  if (!date) {
    const short = TWO_DIGIT.exec(text);
    if (short && +short[1] >= 1 && +short[1] <= 12 && +short[2] >= 1 && +short[2] <= 31)
      return 'two-digit-year';
    return 'invalid';
  }
  const days = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days) return 'invalid';
  const after = date.year - TODAY.year || date.month - TODAY.month || date.day - TODAY.day;
  if (date.year < 1900 || after > 0) return 'invalid';
  return 'ok';
}

describe('checkDob and parseDob agree with the regular expressions of rules.md §5', () => {
  it('on random text (property)', () => {
    const unit = fc.constantFrom('0', '1', '2', '9', '/', '-', '.', ' ', 'a', '٣');
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9'), maxLength: 5 });
    const sep = fc.constantFrom('/', '-', '.', '');
    const text = fc.oneof(
      fc.string({ unit, maxLength: 12 }),
      fc.tuple(digits, sep, digits, sep, digits).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (raw) => {
        expect(parseDob(raw)).toEqual(referenceParse(raw));
        expect(checkDob(raw, TODAY)).toBe(referenceCheck(raw));
      }),
      { numRuns: 50000 },
    );
  });
});

describe('calendarDate', () => {
  it('takes the local calendar day', () => {
    expect(calendarDate(new Date(2026, 10, 28, 23, 59))).toEqual(TODAY);
  });
});

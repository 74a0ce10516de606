import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nanpNumber } from './nanp.ts';

/** The first implementation, kept as the reference: a plain North American number. */
const NANP =
  /^\s*(?:\+?\s*1[\s.-]*)?\(?\s*([2-9]\d{2})\s*\)?[\s.-]*(\d{3})[\s.-]*(\d{4})\s*(?:(?:x|ext\.?|extension|#)\s*\d{1,7})?\s*$/i;
function reference(raw: string): number {
  const m = NANP.exec(raw);
  return m ? Number(m[1] + m[2] + m[3]) : -1;
}

describe('nanpNumber', () => {
  it.each([
    ['(212) 234-5678', 2122345678],
    ['+1 (212) 234-5678', 2122345678],
    ['+ 1.212.234.5678', 2122345678],
    ['1-212-234-5678', 2122345678],
    [' \u00a0212 234 5678\ufeff', 2122345678],
    ['2122345678', 2122345678],
    ['212-234-5678 EXT. 1234567', 2122345678],
    ['212-234-5678 Extension 1', 2122345678],
    ['212-234-5678#9', 2122345678],
    ['212-234-5678 X 9 ', 2122345678],
    ['212-234-5678 x12345678', -1],
    ['212-234-5678 x', -1],
    ['212-234-5678 ext.. 1', -1],
    ['(112) 234-5678', -1],
    ['+212 234 5678', -1],
    ['11-212-234-5678', -1],
    ['(212 234-5678', 2122345678],
    ['212) 234-5678', 2122345678],
    ['((212) 234-5678', -1],
    ['212-234-567', -1],
    ['212-234-56789', -1],
    ['234-5678', -1],
    ['N/A', -1],
    ['', -1],
  ])('%j → %d, as the regular expression says', (raw, expected) => {
    expect(nanpNumber(raw, 0, raw.length)).toBe(expected);
    expect(reference(raw)).toBe(expected);
  });

  it('agrees with the regular expression, read in place (property)', () => {
    const unit = fc.constantFrom(
      ...['0', '1', '2', '5', '9', ' ', '\u00a0', '\u2003', '\t', '(', ')', '+', '.', '-', '#', '/'],
      ...['x', 'X', 'e', 'E', 't', 'n', 's', 'i', 'o', 'a', 'ı', 'é'],
    );
    const noise = fc.string({ unit, maxLength: 3 });
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom('0', '1', '2', '7', '9', '9'), minLength: n, maxLength: n });
    const marker = fc.constantFrom(
      'x',
      'X',
      'ext',
      'EXT.',
      'ext..',
      'extension',
      'Extension.',
      'exten',
      '#',
      '',
    );
    /** Mostly what may stand at that place, sometimes noise. */
    const part = (...usual: string[]) =>
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: noise });
    const extension = fc.oneof(
      fc.constant(''),
      fc
        .tuple(part(' ', ''), marker, part(' ', ''), fc.integer({ min: 0, max: 8 }).chain(digits))
        .map((parts) => parts.join('')),
    );
    const likely = fc
      .tuple(
        part('', ' ', '1', '+1 ', '1-', '(', '+1 (', ' 1.', '+ 1'),
        digits(3),
        part('', ')', ') ', '-', '.', ' '),
        digits(3),
        part('', '-', '.', ' ', ' \u00a0'),
        digits(4),
        extension,
        part('', ' '),
      )
      .map((parts) => parts.join(''));
    const phone = fc.oneof(fc.string({ unit, maxLength: 24 }), likely);
    let matched = 0;
    fc.assert(
      fc.property(phone, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (raw, before, after) => {
        const expected = reference(raw);
        if (expected >= 0) matched++;
        expect(nanpNumber(before + raw + after, before.length, before.length + raw.length)).toBe(expected);
      }),
      { numRuns: 50000 },
    );
    // Both kinds must be common for the comparison to mean anything.
    expect(matched).toBeGreaterThan(5000);
    expect(matched).toBeLessThan(45000);
  });
});

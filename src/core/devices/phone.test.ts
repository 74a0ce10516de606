import { describe, expect, it } from 'vitest';
import { classifyPhone, classifyPhoneUncached, supportedPhoneNumber } from './phone.ts';

describe('classifyPhone (rules.md §3)', () => {
  it.each([
    ['US, (AAA) EEE-LLLL', '(212) 234-5678', 'US', '+12122345678'],
    ['US, with country code', '+1 212 234 5678', 'US', '+12122345678'],
    ['US toll-free', '800-234-5678', 'US', '+18002345678'],
    ['US, Alaska', '907-269-1234', 'US', '+19072691234'],
    ['Puerto Rico 787', '787-234-5678', 'PR', '+17872345678'],
    ['Puerto Rico 939', '939 201 1234', 'PR', '+19392011234'],
    ['Guam', '671-300-1234', 'GU', '+16713001234'],
    ['US Virgin Islands', '340-642-1234', 'VI', '+13406421234'],
    ['American Samoa', '684-733-1234', 'AS', '+16847331234'],
    ['Northern Mariana Islands', '670-234-5678', 'MP', '+16702345678'],
    ['Canada, Ontario', '416-234-5678', 'CA', '+14162345678'],
    ['Canada, New Brunswick', '+1 506 234 5678', 'CA', '+15062345678'],
  ])('supports %s: %s', (_, raw, region, key) => {
    expect(classifyPhone(raw)).toEqual({ supported: true, key, region });
  });

  it.each([
    ['United Kingdom', '+44 20 7946 0958', 'GB'],
    ['Mexico', '+52 55 1234 5678', 'MX'],
    ['Bahamas 242', '242-359-1234', 'BS'],
    ['Dominican Republic 809', '809-234-5678', 'DO'],
    ['Dominican Republic 829', '829-234-5678', 'DO'],
    ['Dominican Republic 849', '+1 849 234 5678', 'DO'],
    ['Jamaica 876', '876-210-1234', 'JM'],
    ['Jamaica 658', '658-234-5678', 'JM'],
    ['Trinidad and Tobago 868', '868-291-1234', 'TT'],
    ['Bermuda 441', '441-234-5678', 'BM'],
    ['too few digits', '234-5678', 'US'],
    ['nine digits', '212 234 567', 'US'],
    ['eleven digits', '212 234 56789', 'US'],
    ['a US area code with an exchange that cannot exist', '212-123-4567', null],
    ['N/A', 'N/A', null],
    ['two numbers in one cell', '212-234-5678; 213-234-5678', null],
  ])('does not support %s: %s', (_, raw, region) => {
    const verdict = classifyPhone(raw);
    expect(verdict.supported).toBe(false);
    if (region) expect(verdict.region).toBe(region);
  });

  it.each([
    ['(212) 234-5678', '1-212-234-5678', '212.234.5678', '2122345678', '+1 (212) 234-5678', '+12122345678'],
    ['(212) 234-5678', '(212)-234-5678', '1 (212) 234 5678', ' 212 234 5678 '],
    ['809-234-5678', '1-809-234-5678', '+1 809 234 5678', '(809) 234 5678'],
    ['+44 20 7946 0958', '+44 (0)20 7946 0958', '011 44 20 7946 0958', '+442079460958'],
    ['234-5678', '234 5678', '2345678'],
    ['N/A', 'n/a', ' N/A '],
  ])('compares %s and its other layouts as one number', (...layouts) => {
    const keys = new Set(layouts.map((raw) => classifyPhone(raw).key));
    expect(keys.size).toBe(1);
  });

  it.each([
    ['212-234-5678', '213-234-5678'],
    ['809-234-5678', '809-234-5679'],
    ['234-5678', '234-5679'],
    ['N/A', 'none'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(classifyPhone(a).key).not.toBe(classifyPhone(b).key);
  });

  it.each([
    '(212) 234-5678',
    '+1 (212) 234-5678',
    '809-234-5678',
    '+44 20 7946 0958',
    '+1 506 234 5678',
    '212-234-5678 x12',
    '234-5678',
    'N/A',
    '+1 212 234 5678 ext: 12',
  ])('supportedPhoneNumber gives the same verdict and key as a number: %s', (raw) => {
    const verdict = classifyPhone(raw);
    expect(supportedPhoneNumber(raw)).toBe(verdict.supported ? Number(verdict.key) : -1);
    // Read in place, as the device pass does.
    expect(supportedPhoneNumber(`9(${raw}1`, 2, raw.length)).toBe(supportedPhoneNumber(raw));
  });

  it.each([
    ['212-234-5678 x12', true],
    ['212-234-5678 ext. 12', true],
    ['(212) 234-5678 extension 12', true],
    ['+1 212 234 5678 #12', true],
    ['809-234-5678 x12', false],
  ])('reads an extension as part of the same number: %s', (raw, supported) => {
    const plain = raw.replace(/\s*(x|ext\.|extension|#)\s*12$/, '');
    expect(classifyPhone(raw)).toEqual(classifyPhone(plain));
    expect(classifyPhone(raw).supported).toBe(supported);
  });
});

/** mulberry32: a small seeded generator, so a failure names numbers that can be rerun. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Area codes where the verdict is interesting: each supported region and the other NANP countries. */
const AREA_CODES = [
  ...['212', '305', '415', '617', '808', '907', '800', '888', '900', '500', '456', '555'],
  ...['416', '514', '604', '780', '867', '600'],
  ...['787', '939', '671', '340', '684', '670'],
  ...['242', '246', '264', '268', '284', '345', '441', '473', '649', '658', '664', '721'],
  ...['758', '767', '784', '809', '829', '849', '868', '869', '876'],
];
/** Exchanges known to be valid in the territories, so supported territory numbers are drawn too. */
const EXCHANGES = ['642', '774', '733', '258', '234', '300', '201', '359', '210', '291'];
const LAYOUTS = [
  (a: string, e: string, l: string) => `(${a}) ${e}-${l}`,
  (a: string, e: string, l: string) => `${a}-${e}-${l}`,
  (a: string, e: string, l: string) => `1-${a}-${e}-${l}`,
  (a: string, e: string, l: string) => `+1 ${a} ${e} ${l}`,
  (a: string, e: string, l: string) => `${a}.${e}.${l}`,
  (a: string, e: string, l: string) => `${a}${e}${l}`,
  (a: string, e: string, l: string) => `${a}-${e}-${l} x123`,
];

describe('the seven-digit prefix cache', () => {
  it('agrees with libphonenumber-js on 20 000 random North American numbers', () => {
    const next = random(20261128);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const digits = (n: number) => String(Math.floor(next() * 10 ** n)).padStart(n, '0');
    const mismatches: string[] = [];
    let supported = 0;
    // 2 000 prefixes with 10 numbers each: every prefix is cached by its first number and then
    // decides the other nine, which is exactly what must not change a verdict.
    for (let p = 0; p < 2000; p++) {
      const area = next() < 0.6 ? pick(AREA_CODES) : String(200 + Math.floor(next() * 800));
      const exchange = next() < 0.3 ? pick(EXCHANGES) : digits(3);
      const firstLineDigit = digits(1);
      for (let n = 0; n < 10; n++) {
        const raw = pick(LAYOUTS)(area, exchange, firstLineDigit + digits(3));
        const cached = classifyPhone(raw);
        const direct = classifyPhoneUncached(raw);
        const number = supportedPhoneNumber(raw);
        if (cached.supported) supported++;
        if (
          cached.supported !== direct.supported ||
          cached.key !== direct.key ||
          (cached.supported && cached.region !== direct.region) ||
          number !== (direct.supported ? Number(direct.key) : -1)
        )
          mismatches.push(
            `${raw}: cached ${JSON.stringify(cached)}, library ${JSON.stringify(direct)}, ${number}`,
          );
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The sample must hold both kinds for the comparison to mean anything.
    expect(supported).toBeGreaterThan(2000);
    expect(supported).toBeLessThan(18000);
  });
});

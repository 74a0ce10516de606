import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../../tests/fixtures/property-check.ts';
import { validUtf8Length } from './utf8.ts';

const b = (...xs: number[]) => new Uint8Array(xs);

describe('validUtf8Length', () => {
  const cases: Array<[string, Uint8Array, number]> = [
    ['empty', b(), 0],
    ['ASCII', b(0x61, 0x2c, 0x0a), 3],
    ['2-byte é', b(0x61, 0xc3, 0xa9), 3],
    ['3-byte €', b(0xe2, 0x82, 0xac, 0x61), 4],
    ['4-byte emoji', b(0xf0, 0x9f, 0x98, 0x80), 4],
    ['U+10FFFF', b(0xf4, 0x8f, 0xbf, 0xbf), 4],
    ['lone continuation byte', b(0x61, 0x80, 0x61), 1],
    ['Windows-1252 é', b(0x4a, 0x6f, 0x73, 0xe9, 0x0a), 3],
    ['overlong 2-byte (C0 AF)', b(0x61, 0xc0, 0xaf), 1],
    ['overlong 2-byte (C1 BF)', b(0xc1, 0xbf), 0],
    ['overlong 3-byte (E0 80 AF)', b(0x61, 0x62, 0xe0, 0x80, 0xaf), 2],
    ['overlong 4-byte (F0 80 80 AF)', b(0xf0, 0x80, 0x80, 0xaf), 0],
    ['high surrogate (ED A0 80)', b(0x61, 0xed, 0xa0, 0x80), 1],
    ['low surrogate (ED BF BF)', b(0xed, 0xbf, 0xbf), 0],
    ['last before surrogates (ED 9F BF)', b(0xed, 0x9f, 0xbf), 3],
    ['beyond U+10FFFF (F4 90 80 80)', b(0xf4, 0x90, 0x80, 0x80), 0],
    ['F5 lead byte', b(0xf5, 0x80, 0x80, 0x80), 0],
    ['FF byte', b(0x61, 0xff), 1],
    ['truncated 2-byte at the end', b(0x61, 0xc3), 1],
    ['truncated 3-byte at the end', b(0x61, 0xe2, 0x82), 1],
    ['truncated 4-byte at the end', b(0xf0, 0x9f, 0x98), 0],
    ['truncated sequence followed by ASCII', b(0xe2, 0x82, 0x61, 0x62), 0],
  ];
  it.each(cases)('%s', (_label, bytes, expected) => {
    expect(validUtf8Length(bytes)).toBe(expected);
  });

  it('agrees with a strict TextDecoder on any bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes biased towards the interesting ranges: ASCII, continuation bytes and lead bytes.
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }));
    holds(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.array(byte, { maxLength: 24 }), (random, biased) => {
        for (const bytes of [random, new Uint8Array(biased)]) {
          const good = validUtf8Length(bytes);
          expect(decodes(bytes.subarray(0, good))).toBe(true);
          for (let end = good + 1; end <= bytes.length; end++)
            expect(decodes(bytes.subarray(0, end))).toBe(false);
        }
      }),
      2000,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { StreamDecoder, type TextEncoding } from './decoder.ts';
import { decodeWindows1252 } from './windows1252.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const utf16 = (s: string, order: 'le' | 'be') => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const [hi, lo] = [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff];
    out.set(order === 'le' ? [lo, hi] : [hi, lo], i * 2);
  }
  return out;
};

/** Decodes `bytes` cut at the given offsets, then flushes. */
function decodeCut(
  bytes: Uint8Array,
  cuts: number[],
  encoding: TextEncoding = 'utf-8',
  skip = 0,
): { text: string; fallbackAt: number } {
  const decoder = new StreamDecoder(encoding, skip);
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, cut));
    from = cut;
  }
  text += decoder.decode(new Uint8Array(0), true);
  return { text, fallbackAt: decoder.fallbackAt };
}

const everyByte = (bytes: Uint8Array) => Array.from({ length: bytes.length }, (_, i) => i);

const SAMPLE = 'id,name\n1,Zoë Ñúñez\n2,€ 5 — “ok”\n3,😀 Ünïcødé 漢字\n';

describe('StreamDecoder, valid input', () => {
  const cases: Array<[string, Uint8Array, TextEncoding, number]> = [
    ['UTF-8 without BOM', utf8(SAMPLE), 'utf-8', 0],
    ['UTF-8 with BOM', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(SAMPLE)), 'utf-8', 3],
    ['UTF-16 LE with BOM', concat(new Uint8Array([0xff, 0xfe]), utf16(SAMPLE, 'le')), 'utf-16le', 2],
    ['UTF-16 BE with BOM', concat(new Uint8Array([0xfe, 0xff]), utf16(SAMPLE, 'be')), 'utf-16be', 2],
  ];

  it.each(cases)('%s in one chunk', (_label, bytes, encoding, bom) => {
    expect(decodeCut(bytes, [], encoding, bom)).toEqual({ text: SAMPLE, fallbackAt: -1 });
  });

  it.each(cases)('%s fed one byte at a time', (_label, bytes, encoding, bom) => {
    expect(decodeCut(bytes, everyByte(bytes).slice(1), encoding, bom)).toEqual({
      text: SAMPLE,
      fallbackAt: -1,
    });
  });

  it.each(cases)('%s cut in two at every offset', (_label, bytes, encoding, bom) => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeCut(bytes, [cut], encoding, bom), `cut at ${cut}`).toEqual({
        text: SAMPLE,
        fallbackAt: -1,
      });
    }
  });
});

describe('StreamDecoder, falling back to Windows-1252', () => {
  // "José" then € ‚ „ … in Windows-1252.
  const cp1252 = concat(utf8('1,Jos'), new Uint8Array([0xe9, 0x2c, 0x80, 0x82, 0x84, 0x85, 0x0a]));

  it('reads the whole file as Windows-1252 when the first chunk is not UTF-8', () => {
    expect(decodeCut(cp1252, [])).toEqual({ text: '1,José,€‚„…\n', fallbackAt: 5 });
  });

  it('finds the same fallback offset however the bytes are cut', () => {
    for (let cut = 0; cut <= cp1252.length; cut++) {
      expect(decodeCut(cp1252, [cut]), `cut at ${cut}`).toEqual({ text: '1,José,€‚„…\n', fallbackAt: 5 });
    }
    expect(decodeCut(cp1252, everyByte(cp1252).slice(1))).toEqual({ text: '1,José,€‚„…\n', fallbackAt: 5 });
  });

  it('keeps the UTF-8 read so far and switches at the first bad byte of a later chunk', () => {
    const first = utf8('id,name\n1,Zoë\n');
    const later = concat(utf8('2,'), new Uint8Array([0x93, 0x42, 0x6f, 0x62, 0x94]), utf8(',Café\n'));
    const result = decodeCut(concat(first, later), [first.length]);
    // From the bad byte on, everything is Windows-1252, even bytes that would have been valid UTF-8.
    expect(result).toEqual({ text: 'id,name\n1,Zoë\n2,“Bob”,CafÃ©\n', fallbackAt: first.length + 2 });
  });

  it('counts the byte-order mark in the fallback offset', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('ab'), new Uint8Array([0x80]));
    expect(decodeCut(bytes, [1], 'utf-8', 3)).toEqual({ text: 'ab€', fallbackAt: 5 });
  });

  it('points at the start of a sequence that a later chunk breaks off', () => {
    // E2 82 starts a 3-byte character; the next chunk goes on with a plain letter.
    const bytes = concat(utf8('ab'), new Uint8Array([0xe2, 0x82]), utf8('x'));
    expect(decodeCut(bytes, [4])).toEqual({ text: 'abâ‚x', fallbackAt: 2 });
  });

  it('falls back when the file ends in the middle of a character', () => {
    const bytes = concat(utf8('ab'), new Uint8Array([0xe2, 0x82]));
    expect(decodeCut(bytes, [3])).toEqual({ text: 'abâ‚', fallbackAt: 2 });
  });

  it.each([
    ['overlong', [0xc0, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['lone continuation', [0x80]],
  ])('treats a %s sequence as not UTF-8', (_label, bad) => {
    const bytes = concat(utf8('x'), new Uint8Array(bad));
    expect(decodeCut(bytes, []).fallbackAt).toBe(1);
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F as browsers do, and the five unassigned bytes to C1 controls', () => {
    const bytes = new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(decodeWindows1252(bytes)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });

  it('maps 0xA0–0xFF to the same code points (Latin-1)', () => {
    const bytes = new Uint8Array(Array.from({ length: 96 }, (_, i) => 0xa0 + i));
    expect(decodeWindows1252(bytes)).toBe(String.fromCharCode(...bytes));
  });
});

describe('a UTF-16 file that goes on as 8-bit text', () => {
  const head = 'id,name\n1,张伟\n2,Zoë\n';
  const tail = Array.from({ length: 10 }, (_, i) => `${i + 3},Zoë Müller\n`).join('');
  it.each([
    ['le', 1 << 16],
    ['be', 1 << 16],
    ['le', 7],
    ['be', 64],
  ] as const)('%s in pieces of %i bytes: read as UTF-8 from the switch', (order, size) => {
    const bytes = concat(utf16(head, order), utf8(tail));
    const decoder = new StreamDecoder(order === 'le' ? 'utf-16le' : 'utf-16be');
    let text = '';
    for (let at = 0; at < bytes.length; at += size)
      text += decoder.decode(bytes.subarray(at, at + size), at + size >= bytes.length);
    expect(decoder.switchedAt).toBe(head.length * 2);
    expect(text).toBe(head + tail);
  });

  it('UTF-16 text of long CJK cells is not taken for 8-bit text', () => {
    const text = 'id,name\n1,' + '张伟李娜'.repeat(100) + ',x\n';
    const decoder = new StreamDecoder('utf-16le');
    expect(decoder.decode(utf16(text, 'le'), true)).toBe(text);
    expect(decoder.switchedAt).toBe(-1);
  });
});

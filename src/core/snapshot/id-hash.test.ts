import { describe, expect, it } from 'vitest';
import { halfSipHash, IdHasher, randomSalt } from './id-hash.ts';

// The first official HalfSipHash-2-4 32-bit vectors: key 00..07, message 00..(n-1).
const VECTORS_32 = [
  0x5b9f35a9, 0xb85a4727, 0x03a662fa, 0x04e7fe8a, 0x89466e2a, 0x69b6fac5, 0x23fc6358, 0xc563cf8b,
];

describe('halfSipHash', () => {
  it.each(VECTORS_32.map((v, n) => [n, v]))('matches the reference vector for %i bytes', (n, expected) => {
    const data = Uint8Array.from({ length: n }, (_, i) => i);
    expect(halfSipHash(0x03020100, 0x07060504, data, n, 1)[0]).toBe(expected);
  });
});

describe('IdHasher', () => {
  it('is deterministic per salt, differs between salts and IDs, and gives 16 hex digits', () => {
    const a = new IdHasher('0123456789abcdef');
    const b = new IdHasher('fedcba9876543210');
    expect(a.hash('T10')).toBe(new IdHasher('0123456789abcdef').hash('T10'));
    expect(a.hash('T10')).not.toBe(b.hash('T10'));
    expect(a.hash('T10')).not.toBe(a.hash('T9'));
    expect(a.hash('Zoë/José')).toMatch(/^[0-9a-f]{16}$/);
    expect(a.hash('x'.repeat(1000))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('has no collisions among 200 000 similar IDs', () => {
    const h = new IdHasher(randomSalt());
    const seen = new Set<string>();
    for (let i = 0; i < 200000; i++) seen.add(h.hash(`student-${i}`));
    expect(seen.size).toBe(200000);
  });

  it('refuses a malformed salt', () => {
    expect(() => new IdHasher('nope')).toThrow(/16 hex/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packedBuffers, packSchools, unpackSchools, unpackSchoolsInSlices } from './packed-schools.ts';
import type { SchoolEntry } from './types.ts';

const tally = fc.dictionary(fc.constantFrom('teacher-email', 'class-empty', 'device-in-use'), fc.nat());
const school: fc.Arbitrary<SchoolEntry> = fc.record({
  id: fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
  name: fc.string({ unit: 'binary' }),
  counts: fc.record({ teachers: fc.nat(), students: fc.nat(), parents: fc.nat(), classes: fc.nat() }),
  error: tally,
  alert: tally,
});

describe('packed schools', () => {
  it('unpack to the same schools, counts in the same order, after a structured clone', () => {
    fc.assert(
      fc.property(fc.array(school, { maxLength: 40 }), (schools) => {
        const packed = structuredClone(packSchools(schools));
        const back = unpackSchools(packed);
        expect(back).toEqual(schools);
        back.forEach((s, i) => expect(Object.keys(s.error)).toEqual(Object.keys(schools[i].error)));
        expect(JSON.stringify(back)).toBe(JSON.stringify(schools));
      }),
    );
  });

  it('unpack any slice', () => {
    fc.assert(
      fc.property(fc.array(school, { maxLength: 20 }), fc.nat(25), fc.nat(25), (schools, a, b) => {
        expect(unpackSchools(packSchools(schools), a, b)).toEqual(schools.slice(a, b));
      }),
    );
  });

  it('unpack in slices, pausing between them', async () => {
    const schools: SchoolEntry[] = Array.from({ length: 23 }, (_, i) => ({
      id: i === 22 ? null : `s${i}`,
      name: `School ${i}`,
      counts: { teachers: i, students: 2 * i, parents: 0, classes: 1 },
      error: (i % 2 ? { 'teacher-email': i } : {}) as Record<string, number>,
      alert: {},
    }));
    let pauses = 0;
    const back = await unpackSchoolsInSlices(packSchools(schools), async () => void pauses++, 5);
    expect(back).toEqual(schools);
    expect(pauses).toBe(4); // slices of 5, 5, 5, 5, 3
    await expect(unpackSchoolsInSlices(packSchools([]), async () => void pauses++)).resolves.toEqual([]);
  });

  it('hand over their buffers whole (transferable, none shared)', () => {
    const buffers = packedBuffers(packSchools([]));
    expect(new Set(buffers).size).toBe(buffers.length);
    buffers.forEach((b) => expect(b).toBeInstanceOf(ArrayBuffer));
  });
});

import { describe, expect, it } from 'vitest';
import { classifyPhoneUncached } from '../devices/phone.ts';
import { District } from './district.ts';
import { PhoneBook } from './phones.ts';
import { AREA_CODES } from './names.ts';
import { RandomStream } from './random.ts';

describe('PhoneBook', () => {
  it.each([
    ['a large district (real-looking numbers)', 1_000_000, /^\D*(1\D*)?\d{3}\D*\d{3}\D*\d{4}$/],
    ['a small district (555-01xx fiction)', 500, /555\D*01\d\d$/],
  ])('are distinct valid US numbers in %s', (_, students, shape) => {
    const d = new District({ format: 'clever', students, seed: 3 });
    const fam = d.families;
    const book = new PhoneBook(fam.count * 6 + d.layout.teachers + students, 3);
    const random = new RandomStream(1, 'test');
    const keys = new Set<string>();
    const slots = new Set<number>();
    for (let k = 0; slots.size < Math.min(fam.count * 6, 4000); k++)
      slots.add(students > 10_000 ? random.below(k, fam.count * 6) : k);
    for (const slot of slots) {
      const phone = book.phone(slot, slot % 6);
      expect(phone).toMatch(shape);
      const verdict = classifyPhoneUncached(phone);
      expect(verdict.supported, phone).toBe(true);
      keys.add(verdict.key);
    }
    expect(keys.size).toBe(slots.size);
  });

  it('uses only area codes that libphonenumber-js accepts', () => {
    const random = new RandomStream(2, 'test');
    for (const [k, area] of AREA_CODES.entries()) {
      const exchange = 200 + random.below(k, 800);
      const number = `+1${area}${exchange}${random.below(k, 10, 1)}${String(random.below(k, 1000, 2)).padStart(3, '0')}`;
      expect(classifyPhoneUncached(number).supported, number).toBe(true);
    }
  });
});

describe('families', () => {
  it('numbers every student into exactly one family, a sibling sharing the family before', () => {
    const fam = new District({ format: 'clever', students: 1000, seed: 1 }).families;
    const members = new Map<number, number[]>();
    for (let i = 0; i < 1000; i++) members.set(fam.familyOf(i), [...(members.get(fam.familyOf(i)) ?? []), i]);
    expect(members.size).toBe(fam.count);
    for (const [f, students] of members) {
      expect(students[0]).toBe(fam.familyHead(f));
      expect(students).toHaveLength(fam.familySize(f));
    }
  });
});

/**
 * Guardians in formats without guardian IDs (Remind CSV 1.0, Clever contacts without
 * Contact_sis_id), formats.md: one parent per exact (name, lower-cased email, phone), linked to every
 * student whose rows carry it; source ID `<smallest linked student ID>/<name>`. The phone compares as
 * its device does (rules.md §9, devices/phone.ts): E.164 for a supported number, so `1-212-555-0123`
 * and `212-555-0123` are one guardian, the digits with the country code otherwise (decisions.md).
 *
 * A guardian is found again by a hash of those three parts, checked against what the parent kept
 * from its first row (its name, first email and first phone): no key string per contact row (a
 * plain North American number is read in place; only other numbers are classified, as devices are).
 */
import { NO_TICK, TICK_EVERY, type Tick } from '../model/ticks.ts';
import { IntList } from '../model/int-list.ts';
import { FNV_BASIS, hashText, mix } from '../model/texts.ts';
import type { Roster } from '../model/roster.ts';
import { nanpNumber } from '../devices/nanp.ts';
import { classifyPhone } from '../devices/phone.ts';

/** Who a contact row names: the name as one field (Clever) or as first and last name (Remind CSV 1.0). */
export interface Guardian {
  first: string;
  /** null when the format has one name field. */
  last: string | null;
  email: string;
  phone: string;
}

export class GuardianIdentities {
  private slots = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private readonly hashes = new IntList();
  /** Person index of each guardian, in the order they were met. */
  private readonly members = new IntList();

  constructor(private readonly roster: Roster) {}

  /** The parent for this identity, created on first sight. */
  parentFor(g: Guardian, file: number, row: number): { index: number; created: boolean } {
    const email = g.email.toLowerCase();
    let h = hashText(g.first);
    if (g.last !== null) h = mix(h ^ Math.imul(hashText(g.last), 0x9e3779b1));
    h = mix(h ^ Math.imul(hashText(email), 0x85ebca6b));
    h = mix(h ^ Math.imul(phoneHash(g.phone), 0xc2b2ae35));
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const m = this.slots[s];
      if (m === -1) break;
      if (this.hashes.get(m) === h && this.same(this.members.get(m), g, email)) {
        return { index: this.members.get(m), created: false };
      }
    }
    const index = this.roster.addAnonymousPerson('parent', file, row);
    this.hashes.push(h);
    this.members.push(index);
    if (this.members.length * 3 > this.slots.length * 2) this.rehash();
    else this.place(this.members.length - 1);
    return { index, created: true };
  }

  /** Whether parent p was created from a row naming the same guardian (its first values are the key). */
  private same(p: number, g: Guardian, lowerEmail: string): boolean {
    const people = this.roster.people;
    if (people.firstName(p) !== g.first) return false;
    if (g.last !== null && people.lastName(p) !== g.last) return false;
    const email = people.emailCount(p) > 0 ? people.email(p, 0).toLowerCase() : '';
    if (email !== lowerEmail) return false;
    return samePhone(people.phoneCount(p) > 0 ? people.phone(p, 0) : '', g.phone);
  }

  private place(m: number): void {
    let s = this.hashes.get(m) & this.mask;
    while (this.slots[s] !== -1) s = (s + 1) & this.mask;
    this.slots[s] = m;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let m = 0; m < this.members.length; m++) this.place(m);
  }

  /** Gives every guardian its source ID once all students are linked; `name` is the name in the ID. */
  assignIds(name: (index: number) => string, tick: Tick = NO_TICK): void {
    const people = this.roster.people;
    for (let m = 0; m < this.members.length; m++) {
      if ((m & TICK_EVERY) === 0) tick(m, this.members.length);
      const index = this.members.get(m);
      let smallest: string | null = null;
      for (let k = 0; k < people.studentCount(index); k++) {
        const id = people.id(people.student(index, k));
        if (smallest === null || id < smallest) smallest = id;
      }
      people.setId(index, `${smallest ?? ''}/${name(index)}`);
    }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Hash of the digits of a text (what `replace(/\D/g, '')` keeps). */
function digitsHash(text: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) h = Math.imul(h ^ c, 0x01000193);
  }
  return mix(h);
}

/** The same hash of the decimal digits of `1` followed by a ten-digit national number, without a string. */
function nanpHash(national: number): number {
  let h = Math.imul(FNV_BASIS ^ 49, 0x01000193);
  for (let p = 1_000_000_000; p >= 1; p /= 10)
    h = Math.imul(h ^ (48 + (Math.floor(national / p) % 10)), 0x01000193);
  return mix(h);
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The digits of the phone's device key: "12125550123" for `(212) 555-0123` and `+1 212 555 0123`;
 * empty for a cell without digits ("N/A" names no phone, as an empty cell).
 */
function phoneKeyDigits(phone: string): string {
  const national = nanpNumber(phone, 0, phone.length);
  if (national >= 0) return `1${national}`;
  return hasDigit(phone) ? classifyPhone(phone).key.replace(/\D/g, '') : '';
}

/** Hash of phoneKeyDigits, reading a plain North American number in place. */
function phoneHash(phone: string): number {
  const national = nanpNumber(phone, 0, phone.length);
  if (national >= 0) return nanpHash(national);
  return hasDigit(phone) ? digitsHash(classifyPhone(phone).key) : digitsHash('');
}

/** Whether two phone cells are one device; the kept phone is usually written as the new one. */
function samePhone(kept: string, phone: string): boolean {
  if (sameDigits(kept, phone)) return true;
  return phoneKeyDigits(kept) === phoneKeyDigits(phone);
}

function sameDigits(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && !isDigit(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}

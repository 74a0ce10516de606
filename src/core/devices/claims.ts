/**
 * Who gets a shared contact point (rules.md §4): teacher > parent > student, then the smallest
 * source ID by plain string order ("T10" < "T9"). Staff never claim devices.
 *
 * One pass over everyone checks each email and phone once and keeps one number per device: the
 * device's key number when it is usable (the same key number for the same address or phone, whoever
 * writes it), or a mark saying it is not usable, or a repeat of an earlier device of the same
 * person. The rules then read a person's devices from these numbers without checking anything again.
 */
import type { People } from '../model/people.ts';
import type { Texts } from '../model/texts.ts';
import { NO_TICK, TICK_EVERY, type Tick } from '../model/ticks.ts';
import type { Roster } from '../model/roster.ts';
import { emailKey, INVALID_EMAIL, isValidEmail, validEmailHash } from './email.ts';
import { EmailKeys, PhoneKeys } from './key-tables.ts';
import { classifyPhone, supportedPhoneNumber } from './phone.ts';

const NOT_USABLE = -1;
const REPEAT = -2;

export class EmailDevice {
  /** The address as written (its text number: read only when a finding needs it). */
  ref = 0;
  valid = false;
  /** Index of the person who won this address when it is not this person, else -1. */
  lostTo = -1;
  constructor(private readonly texts: Texts) {}
  get value(): string {
    return this.texts.get(this.ref);
  }
  /** Lower-cased address (valid) or the trimmed text (invalid). */
  get key(): string {
    return this.valid ? emailKey(this.value) : this.value.trim();
  }
}

export class PhoneDevice {
  ref = 0;
  supported = false;
  lostTo = -1;
  constructor(private readonly texts: Texts) {}
  get value(): string {
    return this.texts.get(this.ref);
  }
  /** E.164 (supported) or the digits (unsupported). */
  get key(): string {
    return classifyPhone(this.value).key;
  }
}

export interface PersonDevices {
  /** Distinct by key: the same address written twice is one. */
  emails: EmailDevice[];
  phones: PhoneDevice[];
}

/** True when person a beats person b for a device. */
export function beats(a: { role: string; id: string }, b: { role: string; id: string }): boolean {
  const rank = RANKS[a.role] - RANKS[b.role];
  if (rank !== 0) return rank > 0;
  return a.id < b.id;
}
const RANKS: Record<string, number> = { teacher: 3, parent: 2, student: 1, staff: 0 };

function beatsByIndex(people: People, a: number, b: number): boolean {
  const rank = people.rank(a) - people.rank(b);
  if (rank !== 0) return rank > 0;
  return people.id(a) < people.id(b);
}

/** Person i claims key `code`: it becomes theirs unless its owner beats them. */
function claim(owners: Int32Array, code: number, people: People, i: number): void {
  const current = owners[code];
  if (current === -1 || (current !== i && beatsByIndex(people, i, current))) owners[code] = i;
}

export class DeviceClaims {
  /** Devices of person i are codes[start[i]] … codes[start[i + 1] - 1]: emails, then phones. */
  private readonly start: Int32Array;
  private readonly codes: Int32Array;
  /** Key number → index of the person who gets the device (-1: only staff wrote it). */
  private readonly emailOwners: Int32Array;
  private readonly phoneOwners: Int32Array;
  private readonly people: People;
  private readonly current: PersonDevices = { emails: [], phones: [] };
  private readonly emailPool: EmailDevice[] = [];
  private readonly phonePool: PhoneDevice[] = [];

  constructor(roster: Roster, tick: Tick = NO_TICK) {
    const people = (this.people = roster.people);
    const n = people.count;
    // Counted first, so every table is made once at its final size.
    this.start = new Int32Array(n + 1);
    let emailTotal = 0;
    let phoneTotal = 0;
    for (let i = 0; i < n; i++) {
      this.start[i] = emailTotal + phoneTotal;
      emailTotal += people.emailCount(i);
      phoneTotal += people.phoneCount(i);
    }
    this.start[n] = emailTotal + phoneTotal;
    this.codes = new Int32Array(emailTotal + phoneTotal);
    this.emailOwners = new Int32Array(emailTotal).fill(-1);
    this.phoneOwners = new Int32Array(phoneTotal).fill(-1);
    const emailKeys = new EmailKeys(people.texts, emailTotal);
    const phoneKeys = new PhoneKeys(phoneTotal);
    for (let i = 0; i < n; i++) {
      if ((i & TICK_EVERY) === 0) tick(i, n);
      let at = this.start[i];
      const emails = people.emailCount(i);
      const phones = people.phoneCount(i);
      const claims = people.rank(i) > 0;
      for (let k = 0; k < emails; k++) this.codes[at + k] = this.emailCode(emailKeys, i, k, at, claims);
      at += emails;
      for (let k = 0; k < phones; k++) this.codes[at + k] = this.phoneCode(phoneKeys, i, k, at, claims);
    }
  }

  private emailCode(keys: EmailKeys, i: number, k: number, first: number, claims: boolean): number {
    const people = this.people;
    const texts = people.texts;
    const ref = people.emailRef(i, k);
    // Kept values are trimmed already (RowContext.get): check them where they are.
    const hash = validEmailHash(texts.source(ref), texts.offset(ref), texts.length(ref));
    const valid = hash !== INVALID_EMAIL;
    if (k > 0) {
      // The same person writing one address twice (ADA@ and ada@) has it once.
      const value = texts.get(ref);
      const key = valid ? emailKey(value) : value.trim();
      for (let e = 0; e < k; e++) {
        const other = this.people.email(i, e);
        if (
          this.codes[first + e] !== REPEAT &&
          (isValidEmail(other) ? emailKey(other) : other.trim()) === key
        )
          return REPEAT;
      }
    }
    if (!valid) return NOT_USABLE;
    const code = keys.keyOf(ref, hash);
    if (claims) claim(this.emailOwners, code, people, i);
    return code;
  }

  private phoneCode(keys: PhoneKeys, i: number, k: number, first: number, claims: boolean): number {
    const texts = this.people.texts;
    const ref = this.people.phoneRef(i, k);
    const number = supportedPhoneNumber(texts.source(ref), texts.offset(ref), texts.length(ref));
    if (k > 0) {
      const key = classifyPhone(texts.get(ref)).key;
      for (let e = 0; e < k; e++) {
        if (this.codes[first + e] !== REPEAT && classifyPhone(this.people.phone(i, e)).key === key)
          return REPEAT;
      }
    }
    if (number < 0) return NOT_USABLE;
    const code = keys.keyOf(number);
    if (claims) claim(this.phoneOwners, code, this.people, i);
    return code;
  }

  /**
   * A person's devices, with who won each one they lost. The object is reused by the next call:
   * read it before asking for someone else's.
   */
  devices(i: number): PersonDevices {
    const d = this.current;
    clear(d.emails);
    clear(d.phones);
    const people = this.people;
    const claims = people.rank(i) > 0;
    const emails = people.emailCount(i);
    const from = this.start[i];
    const to = this.start[i + 1];
    for (let s = from; s < to; s++) {
      const code = this.codes[s];
      if (code === REPEAT) continue;
      const k = s - from;
      const owner = code < 0 || !claims ? -1 : k < emails ? this.emailOwners[code] : this.phoneOwners[code];
      const lostTo = owner >= 0 && owner !== i ? owner : -1;
      if (k < emails) {
        const e =
          this.emailPool[d.emails.length] ??
          (this.emailPool[d.emails.length] = new EmailDevice(people.texts));
        e.ref = people.emailRef(i, k);
        e.valid = code >= 0;
        e.lostTo = lostTo;
        d.emails.push(e);
      } else {
        const p =
          this.phonePool[d.phones.length] ??
          (this.phonePool[d.phones.length] = new PhoneDevice(people.texts));
        p.ref = people.phoneRef(i, k - emails);
        p.supported = code >= 0;
        p.lostTo = lostTo;
        d.phones.push(p);
      }
    }
    return d;
  }
}

/** Empties a reused list of a few devices: pop is inlined, assigning `length` calls a slow builtin. */
function clear(list: unknown[]): void {
  while (list.length > 0) list.pop();
}

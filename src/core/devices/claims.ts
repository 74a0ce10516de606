/**
 * Who gets a shared contact point (rules.md §4): teacher > parent > student, then the smallest
 * source ID by plain string order ("T10" < "T9"). Staff never claim devices.
 */
import { ROLE_RANK, type Person, type Roster } from '../model/roster.ts';
import { emailKey, isValidEmail } from './email.ts';
import { classifyPhone } from './phone.ts';

export interface EmailDevice {
  value: string;
  valid: boolean;
  /** Lower-cased address (valid) or the trimmed text (invalid). */
  key: string;
  /** Index of the person who won this address when it is not this person, else -1. */
  lostTo: number;
}

export interface PhoneDevice {
  value: string;
  supported: boolean;
  /** E.164 (supported) or the digits (unsupported). */
  key: string;
  lostTo: number;
}

export interface PersonDevices {
  /** Distinct by key: the same address written twice is one. */
  emails: EmailDevice[];
  phones: PhoneDevice[];
}

function claims(p: Person): boolean {
  return p.role !== 'staff';
}

/** True when person a beats person b for a device. */
export function beats(a: Person, b: Person): boolean {
  const rank = ROLE_RANK[a.role] - ROLE_RANK[b.role];
  if (rank !== 0) return rank > 0;
  return a.id < b.id;
}

/** Device key → index of the winning person. */
export type DeviceOwners = Map<string, number>;

export function resolveOwners(roster: Roster): DeviceOwners {
  const owners: DeviceOwners = new Map();
  const people = roster.people;
  const claim = (key: string, index: number) => {
    const current = owners.get(key);
    if (current === undefined || (current !== index && beats(people[index], people[current])))
      owners.set(key, index);
  };
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (!claims(p)) continue;
    for (const e of p.emails) if (isValidEmail(e)) claim('e:' + emailKey(e), i);
    for (const ph of p.phones) {
      const v = classifyPhone(ph);
      if (v.supported) claim('p:' + v.key, i);
    }
  }
  return owners;
}

export function personDevices(roster: Roster, owners: DeviceOwners, index: number): PersonDevices {
  const p = roster.people[index];
  const emails: EmailDevice[] = [];
  const phones: PhoneDevice[] = [];
  const seen = new Set<string>();
  for (const value of p.emails) {
    const valid = isValidEmail(value);
    const key = valid ? emailKey(value) : value.trim();
    if (seen.has('e:' + key)) continue;
    seen.add('e:' + key);
    const owner = valid && claims(p) ? owners.get('e:' + key) : undefined;
    emails.push({ value, valid, key, lostTo: owner !== undefined && owner !== index ? owner : -1 });
  }
  for (const value of p.phones) {
    const v = classifyPhone(value);
    if (seen.has('p:' + v.key)) continue;
    seen.add('p:' + v.key);
    const owner = v.supported && claims(p) ? owners.get('p:' + v.key) : undefined;
    phones.push({
      value,
      supported: v.supported,
      key: v.key,
      lostTo: owner !== undefined && owner !== index ? owner : -1,
    });
  }
  return { emails, phones };
}

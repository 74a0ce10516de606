/**
 * How a message names the person who keeps a shared email or phone. A person with an ID of their own
 * is named by it (`otherId`). A guardian of a format without guardian IDs (Remind CSV 1.0, Clever
 * contacts without Contact_sis_id) has only the ID we make up for it (`322519127/Kari Upton`), which
 * the admin cannot look up in the SIS: it is named by role, name, student and the row that writes it.
 */
import { displayName, type Roster } from '../model/roster.ts';
import type { FindingFacts } from './rule.ts';

/** Marks a keeper written with the loser's name and email: they may be one person with two phones. */
const SAME_NAME_AND_EMAIL = '\n';

/** The finding's `detail` naming keeper `k` of loser `i`, or null when `k` has an ID of their own. */
export function keeperDetail(roster: Roster, i: number, k: number): string | null {
  const people = roster.people;
  // Guardians identified by name and contact are not in the ID index: their ID is ours.
  if (people.find(people.id(k)) === k) return null;
  const name = displayName(people, k);
  const student = people.studentCount(k) > 0 ? ` of student ${people.id(people.student(k, 0))}` : '';
  const who = `the contact ${name}${student}, ${roster.files[people.file(k)]} row ${people.row(k)}`;
  return name !== '' && name === displayName(people, i) && shareEmail(roster, i, k)
    ? who + SAME_NAME_AND_EMAIL
    : who;
}

function shareEmail(roster: Roster, i: number, k: number): boolean {
  const people = roster.people;
  const mine = new Set<string>();
  for (let e = 0; e < people.emailCount(i); e++) mine.add(people.email(i, e).toLowerCase());
  for (let e = 0; e < people.emailCount(k); e++) if (mine.has(people.email(k, e).toLowerCase())) return true;
  return false;
}

/** "is used by …, who keeps it." for a message: the keeper's words and, for a namesake, the hint. */
export function usedBy(f: FindingFacts, verb: string): string {
  if (f.detail === null) return `is used by ${f.otherId}, who ${verb} it.`;
  // includes, not endsWith: a detail with right-to-left letters arrives isolated (report/isolate.ts).
  const namesake = f.detail.includes(SAME_NAME_AND_EMAIL);
  const who = f.detail.replace(SAME_NAME_AND_EMAIL, '');
  return (
    `is used by ${who}, who ${verb} it.` +
    (namesake ? ' If the two are the same person, write the same phone on both rows.' : '')
  );
}

/**
 * Guardians in formats without guardian IDs (Remind CSV 1.0, Clever contacts without
 * Contact_sis_id), formats.md: one parent per exact (name, lower-cased email, phone digits), linked
 * to every student whose rows carry it; source ID `<smallest linked student ID>/<name>`.
 */
import type { Roster } from '../model/roster.ts';

export class GuardianIdentities {
  private readonly byKey = new Map<string, number>();
  private readonly names = new Map<number, string>();

  constructor(private readonly roster: Roster) {}

  static key(name: string, email: string, phone: string): string {
    return `${name}\u0000${email.toLowerCase()}\u0000${phone.replace(/\D/g, '')}`;
  }

  /** The parent for this identity, created on first sight. `displayName` forms the source ID. */
  parentFor(
    key: string,
    displayName: string,
    file: number,
    row: number,
  ): { index: number; created: boolean } {
    const known = this.byKey.get(key);
    if (known !== undefined) return { index: known, created: false };
    const index = this.roster.addAnonymousPerson('parent', file, row);
    this.byKey.set(key, index);
    this.names.set(index, displayName);
    return { index, created: true };
  }

  /** Gives every guardian its source ID once all students are linked. */
  assignIds(): void {
    const people = this.roster.people;
    for (const [index, name] of this.names) {
      let smallest: string | null = null;
      for (let k = 0; k < people.studentCount(index); k++) {
        const id = people.id(people.student(index, k));
        if (smallest === null || id < smallest) smallest = id;
      }
      people.setId(index, `${smallest ?? ''}/${name}`);
    }
  }
}

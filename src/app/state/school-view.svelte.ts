/** Which school's detail is open, and which row to give focus back to when it closes. */
import type { SchoolEntry } from '../../shared/report-types.ts';

/** A stable key for a school row (the "(no school)" bucket has no ID). */
export function schoolKey(school: Pick<SchoolEntry, 'id'>): string {
  return school.id === null ? 'none' : `id:${school.id}`;
}

export class SchoolView {
  school = $state.raw<SchoolEntry | null>(null);
  /** The key of the row the detail was opened from. */
  returnTo: string | null = null;
  /** The part of the detail to show first: its errors or alerts (opened from a count). */
  at = $state<'error' | 'alert' | null>(null);

  open(school: SchoolEntry, at: 'error' | 'alert' | null = null): void {
    this.school = school;
    this.at = at;
    this.returnTo = schoolKey(school);
  }

  /** Closes the detail; returns the key of the row to focus. */
  close(): string | null {
    this.school = null;
    return this.returnTo;
  }
}

/** The words a knock-on finding adds to its message: what it exists because of. */
import type { RawFinding } from '../../model/finding.ts';
import type { Roster } from '../../model/roster.ts';

const TEACHER_EMAIL: Record<string, string> = {
  missing: 'has no email address',
  invalid: 'has no valid email address',
  taken: 'has lost their email address to someone else in the roster',
};

/**
 * "because teacher 207268's row in users.csv has 19 cells where the header has 18", or null where the
 * finding's own message already says it (spreadsheet damage: "Probably Excel: …", materialize.ts).
 */
export function because(roster: Roster, cause: RawFinding): string | null {
  const file = cause.file >= 0 ? roster.files[cause.file] : (cause.fileName ?? 'a file');
  const row =
    `${cause.entity ?? 'record'} ${cause.id ?? cause.leftOutId ?? ''}'s row in ${file} (row ${cause.row})`.replace(
      '  ',
      ' ',
    );
  switch (cause.code) {
    case 'teacher-email': {
      const id = roster.people.id(cause.index);
      return `because teacher ${id} ${TEACHER_EMAIL[cause.reason ?? ''] ?? 'has no usable email address'}`;
    }
    case 'row-columns':
      return `because ${row} has ${cause.detail}, so it is left out`;
    case 'cell-too-long':
      return `because ${row} has a ${cause.field} cell ${cause.detail} characters long, so it is left out`;
    case 'id-duplicate':
      return `because ${row} repeats an ID already used (${cause.detail}), so it is left out`;
    case 'row-quotes':
      return `because ${file} row ${cause.row} opens a quote that is never closed, so it and the rest of the file are left out`;
    case 'ref-unknown':
      return `because no file defines ${cause.value} (${file} row ${cause.row})`;
    case 'file-missing':
      return `because ${file} is missing`;
    case 'file-unreadable':
      return `because ${file} cannot be read`;
    case 'header-missing':
      return `because ${file} has no ${cause.detail} column${cause.detail?.includes(',') ? 's' : ''}`;
    case 'enrollment-school': // the class-teacher message already says which row and why
    case 'spreadsheet-damage':
      return null;
    default:
      return `because of ${cause.code}`;
  }
}

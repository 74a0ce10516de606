/** Whether a person gets a Remind account: none of the error rules applies to them (rules.md §5–6). */
import type { PersonDevices } from '../devices/claims.ts';
import type { People } from '../model/roster.ts';
import { checkDob, type CalendarDate } from './dates.ts';
import { parentContactReason } from './parent-contact.ts';
import { parentNameMissing } from './parent-name.ts';
import { teacherEmailReason } from './teacher-email.ts';

export function getsAccount(
  people: People,
  index: number,
  devices: PersonDevices,
  today: CalendarDate,
): boolean {
  switch (people.role(index)) {
    case 'teacher':
      return teacherEmailReason(devices) === null;
    case 'parent':
      return parentContactReason(devices) === null && !parentNameMissing(people, index);
    case 'student':
      return checkDob(people.dob(index), today) === 'ok';
    default:
      return false;
  }
}

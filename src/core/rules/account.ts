/** Whether a person gets a Remind account: none of the error rules applies to them (rules.md §5–6). */
import type { PersonDevices } from '../devices/claims.ts';
import type { Person } from '../model/roster.ts';
import { checkDob, type CalendarDate } from './dates.ts';
import { parentContactReason } from './parent-contact.ts';
import { parentNameMissing } from './parent-name.ts';
import { teacherEmailReason } from './teacher-email.ts';

export function getsAccount(p: Person, devices: PersonDevices, today: CalendarDate): boolean {
  switch (p.role) {
    case 'teacher':
      return teacherEmailReason(devices) === null;
    case 'parent':
      return parentContactReason(devices) === null && !parentNameMissing(p);
    case 'student':
      return checkDob(p.dob, today) === 'ok';
    default:
      return false;
  }
}

/** Every rule, by stage and then by code. registry.test.ts checks that no rule file is left out. */
import type { DataRule, FormattingRule, Rule } from './rule.ts';
import { cellTooLong } from './formatting/cell-too-long.ts';
import { deltaExport } from './formatting/delta-export.ts';
import { encoding } from './formatting/encoding.ts';
import { enrollmentSchool } from './formatting/enrollment-school.ts';
import { fileEmpty } from './formatting/file-empty.ts';
import { fileIgnored } from './formatting/file-ignored.ts';
import { fileMissing } from './formatting/file-missing.ts';
import { fileUnreadable } from './formatting/file-unreadable.ts';
import { headerMissing } from './formatting/header-missing.ts';
import { idDuplicate } from './formatting/id-duplicate.ts';
import { idMissing } from './formatting/id-missing.ts';
import { nameTooLong } from './formatting/name-too-long.ts';
import { recordConflict } from './formatting/record-conflict.ts';
import { refUnknown } from './formatting/ref-unknown.ts';
import { rowColumns } from './formatting/row-columns.ts';
import { rowQuotes } from './formatting/row-quotes.ts';
import { spreadsheetDamage } from './formatting/spreadsheet-damage.ts';
import { classTeacher } from './class-teacher.ts';
import { parentContact } from './parent-contact.ts';
import { parentName } from './parent-name.ts';
import { studentDob } from './student-dob.ts';
import { teacherEmail } from './teacher-email.ts';
import { deviceInUse } from './device-in-use.ts';
import { phoneUnsupported } from './phone-unsupported.ts';
import { holdContactType } from './hold-contact-type.ts';
import { holdGuardians } from './hold-guardians.ts';
import { holdRemovals } from './hold-removals.ts';

export const FORMATTING_RULES: readonly FormattingRule[] = [
  cellTooLong,
  deltaExport,
  encoding,
  enrollmentSchool,
  fileEmpty,
  fileIgnored,
  fileMissing,
  fileUnreadable,
  headerMissing,
  idDuplicate,
  idMissing,
  nameTooLong,
  recordConflict,
  refUnknown,
  rowColumns,
  rowQuotes,
  spreadsheetDamage,
];

/** Errors, then alerts, then holds. */
export const DATA_RULES: readonly DataRule[] = [
  classTeacher,
  parentContact,
  parentName,
  studentDob,
  teacherEmail,
  deviceInUse,
  phoneUnsupported,
  holdContactType,
  holdGuardians,
  holdRemovals,
];

export const ALL_RULES: readonly Rule[] = [...FORMATTING_RULES, ...DATA_RULES];

const BY_CODE = new Map<string, Rule>(ALL_RULES.map((r) => [r.code, r]));

export function ruleFor(code: string): Rule {
  const rule = BY_CODE.get(code);
  if (!rule) throw new Error(`No rule with code ${code}`);
  return rule;
}

/** Remind's own name for a type of finding (its dashboard's heading), or null when Remind has none. */
export function remindNameOf(code: string): string | null {
  return BY_CODE.get(code)?.remindName ?? null;
}

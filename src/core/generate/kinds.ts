/**
 * The planted problems: which kinds each population carries, and what each looks like in the data
 * (the values cycle by the record's rank among its kind).
 */
import type { FormatId } from '../formats/types.ts';

export const TEACHER_KINDS = [
  'teacher-email/missing',
  'teacher-email/invalid',
  'teacher-email/taken',
  'row-quotes',
] as const;
export const STUDENT_KINDS = [
  'student-dob/missing',
  'student-dob/invalid',
  'student-dob/two-digit-year',
] as const;
const FAMILY_KINDS_ALL = [
  'parent-contact/missing',
  'parent-contact/invalid',
  'parent-contact/taken',
  'parent-name/missing',
  'phone-unsupported',
  'device-in-use',
  'hold-guardians',
  'hold-contact-type',
] as const;
export const CLASS_KINDS = [
  'class-teacher/name-missing',
  'class-teacher/name-url',
  'class-teacher/no-teacher',
  'class-teacher/teacher-unknown',
  'class-teacher/teacher-not-provisioned',
  'id-duplicate',
  'name-too-long',
] as const;
export const ENROLLMENT_KINDS = ['row-columns', 'id-missing', 'ref-unknown'] as const;

export type TeacherKind = (typeof TEACHER_KINDS)[number];
export type StudentKind = (typeof STUDENT_KINDS)[number];
export type FamilyKind = (typeof FAMILY_KINDS_ALL)[number];
export type ClassKind = (typeof CLASS_KINDS)[number];
export type EnrollmentKind = (typeof ENROLLMENT_KINDS)[number];

/** Clever is the only format with contact types (hold-contact-type). */
export function familyKinds(format: FormatId): readonly FamilyKind[] {
  return format === 'clever' ? FAMILY_KINDS_ALL : FAMILY_KINDS_ALL.filter((k) => k !== 'hold-contact-type');
}

export type DobLayout = 'us' | 'us-padded' | 'iso';

export const INVALID_TEACHER_EMAILS = [
  (l: string) => `${l}@`,
  (l: string, d: string) => `${l}@${d.split('.')[0]}`,
  (l: string, d: string) => `${l.replace('.', ' ')}@${d}`,
  (l: string, d: string) => `${l}.${d}`,
];
export const INVALID_PARENT_EMAILS = ['none', 'n/a', 'noemail@', 'unknown', 'declined'];
export const UNSUPPORTED_PHONES = [
  '+44 20 7946 0958',
  '242-555-0142',
  '876-555-0199',
  '555-0142',
  '+52 55 5555 0123',
  '809-555-0123',
];
export const INVALID_DOBS: Record<DobLayout, string[]> = {
  us: ['2/30/2015', '13/4/2014', '4/17/2106', '00/00/0000'],
  'us-padded': ['02/30/2015', '13/04/2014', '04/17/2106', '00/00/0000'],
  iso: ['2015-02-30', '2014-13-04', '2106-04-17', '0000-00-00'],
};
export const URL_NAMES = [
  'zoom.us/j/81234567',
  'bit.ly/room12',
  'www.classroom-help.org',
  'https://meet.example.com/abc',
];
export const LONG_NAME_TAIL =
  'Integrated Course Combining Reading Workshop Writing Workshop and Research Skills With Daily Independent ' +
  'Practice Small Group Instruction Intervention Blocks Enrichment Projects Field Trips Guest Speakers and ' +
  'Portfolio Review As Described In The District Curriculum Guide Approved By The Board Of Education';
export const CONTACT_TYPES_HELD = ['Emergency', 'Secondary'];

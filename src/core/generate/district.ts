/**
 * Every record of a synthetic district as a pure function of its index: names, IDs, emails,
 * phones, birth dates, class teachers and enrollments, with the planted problems applied. Writers
 * for each format ask for what their columns need; nothing is stored per record. This class has
 * the school side (teachers, staff, classes, enrollments); `families` has students and parents.
 */
import type { FormatId } from '../formats/types.ts';
import {
  layoutDistrict,
  pad,
  schoolAt,
  type DistrictLayout,
  type GenerateOptions,
  type SchoolPlan,
} from './layout.ts';
import { COURSES, FIRST_NAMES, LAST_NAMES, lower } from './names.ts';
import {
  CLASS_KINDS,
  ENROLLMENT_KINDS,
  INVALID_TEACHER_EMAILS,
  LONG_NAME_TAIL,
  TEACHER_KINDS,
  URL_NAMES,
  type ClassKind,
  type EnrollmentKind,
  type TeacherKind,
} from './kinds.ts';
import { Families } from './families.ts';
import { PhoneBook } from './phones.ts';
import { Planting } from './planting.ts';
import { RandomStream } from './random.ts';

const CO_TEACHER_SHARE = 0.05;
const NICKNAME_OPEN = ' "';

export class District {
  readonly format: FormatId;
  readonly seed: number;
  readonly rate: number;
  readonly sharedPhones: boolean;
  readonly layout: DistrictLayout;
  readonly schools: readonly SchoolPlan[];
  readonly families: Families;
  readonly teacherPlants: Planting<TeacherKind>;
  readonly classPlants: Planting<ClassKind>;
  readonly enrollmentPlants: Planting<EnrollmentKind>;
  /** Teachers with a planted teacher-email problem, in index order. */
  readonly unprovisioned: readonly number[];
  private readonly w: number;
  private readonly r: Record<'teacher' | 'class' | 'staff', RandomStream>;
  /** Phone slots: parents 6f + j, then teachers, then students. */
  readonly phones: PhoneBook;

  constructor(options: GenerateOptions) {
    this.format = options.format;
    this.seed = options.seed ?? 1;
    this.rate = options.rate ?? 0.01;
    this.sharedPhones = options.sharedPhones ?? false;
    this.layout = layoutDistrict(options.students, this.seed, options.schools);
    this.schools = this.layout.schools;
    this.w = this.layout.idWidth;
    const n = this.layout.students;
    const stream = (name: string) => new RandomStream(this.seed, name);
    this.r = {
      teacher: stream('teacher'),
      class: stream('class'),
      staff: stream('staff'),
    };
    const { seed, rate } = this;
    this.teacherPlants = new Planting(TEACHER_KINDS, this.layout.teachers, rate, seed, 'teachers', 1);
    this.classPlants = new Planting(CLASS_KINDS, this.layout.classes, rate, seed, 'classes');
    this.enrollmentPlants = new Planting(
      ENROLLMENT_KINDS,
      this.layout.enrollments,
      rate,
      seed,
      'enrollments',
    );
    const unprovisioned: number[] = [];
    for (let t = 0; t < this.layout.teachers; t++) if (this.teacherLacksEmail(t)) unprovisioned.push(t);
    this.unprovisioned = unprovisioned;
    this.phones = new PhoneBook(Families.count(n) * 6 + this.layout.teachers + n, this.seed);
    this.families = new Families(this);
  }

  // ---- IDs -------------------------------------------------------------------------------------

  studentId(i: number): string {
    return String(10 ** this.w + i);
  }
  teacherId(t: number): string {
    return 'T' + pad(t, this.w);
  }
  staffId(k: number): string {
    return 'STF' + pad(k, this.w);
  }
  classId(c: number): string {
    return 'C' + pad(c, this.w);
  }
  enrollmentId(e: number): string {
    return 'E' + pad(e, this.w + 1);
  }

  // ---- teachers --------------------------------------------------------------------------------

  teacherFirst(t: number): string {
    const first = this.r.teacher.pick(FIRST_NAMES, t, 1);
    if (this.teacherPlants.kindOf(t) !== 'row-quotes') return first;
    return first + NICKNAME_OPEN + first.slice(0, 3) + '"';
  }
  teacherLast(t: number): string {
    return this.r.teacher.pick(LAST_NAMES, t, 2);
  }
  private teacherLocal(t: number): string {
    return lower(this.r.teacher.pick(FIRST_NAMES, t, 1)) + '.' + lower(this.teacherLast(t)) + t;
  }
  teacherLacksEmail(t: number): boolean {
    const kind = this.teacherPlants.kindOf(t);
    return kind !== null && kind.startsWith('teacher-email/');
  }
  teacherEmail(t: number): string {
    const kind = this.teacherPlants.kindOf(t);
    if (kind === 'teacher-email/missing') return '';
    if (kind === 'teacher-email/taken') return this.teacherEmail(0);
    const local = this.teacherLocal(t);
    if (kind === 'teacher-email/invalid') {
      const bad = INVALID_TEACHER_EMAILS[this.teacherPlants.rank(t) % INVALID_TEACHER_EMAILS.length];
      return bad(local, this.layout.domain);
    }
    return local + '@' + this.layout.domain;
  }
  /** A mobile number for ~70% of teachers. */
  teacherPhone(t: number): string {
    if (this.r.teacher.unit(t, 3) >= 0.7) return '';
    return this.phones.phone(Families.count(this.layout.students) * 6 + t, this.r.teacher.below(t, 6, 4));
  }
  teacherSchool(t: number): SchoolPlan {
    return schoolAt(this.schools, t, 'firstTeacher');
  }

  // ---- staff (formats that have them) ----------------------------------------------------------

  staffFirst(k: number): string {
    return this.r.staff.pick(FIRST_NAMES, k, 1);
  }
  staffLast(k: number): string {
    return this.r.staff.pick(LAST_NAMES, k, 2);
  }
  staffTitle(k: number): string {
    return k % 2 === 0 ? 'Principal' : 'Counselor';
  }
  staffEmail(k: number): string {
    return `${lower(this.staffFirst(k))}.${lower(this.staffLast(k))}.staff${k}@${this.layout.domain}`;
  }

  // ---- classes and enrollments -----------------------------------------------------------------

  /** The last school's name is over the 60-character limit (name-too-long). */
  schoolName(school: SchoolPlan): string {
    if (this.rate === 0 || school.index !== this.schools.length - 1) return school.name;
    const base = school.name.replace(/ (School|Academy)$/, '');
    return `${base} Magnet Academy for Science Technology Engineering Arts and Mathematics`;
  }

  classSchool(c: number): SchoolPlan {
    return schoolAt(this.schools, c, 'firstClass');
  }
  course(c: number, school: SchoolPlan): string {
    const local = c - school.firstClass;
    if (school.level === 'elementary' || (school.level === 'k12' && local % 2 === 0)) {
      const span = school.highGrade - school.lowGrade + 1;
      const grade = school.lowGrade + (local % Math.min(span, 6));
      const label = grade === 0 ? 'Kindergarten' : `Grade ${grade}`;
      return `${label} ${COURSES.elementary[Math.floor(local / span) % COURSES.elementary.length]}`;
    }
    return COURSES.secondary[(local + this.r.class.below(school.index, 40)) % COURSES.secondary.length];
  }
  period(c: number, school: SchoolPlan): number {
    return 1 + ((c - school.firstClass) % 7);
  }
  className(c: number, school: SchoolPlan): string {
    const kind = this.classPlants.kindOf(c);
    if (kind === 'class-teacher/name-missing') return '';
    const name = `${this.course(c, school)} - Period ${this.period(c, school)}`;
    if (kind === 'class-teacher/name-url')
      return `${name} ${URL_NAMES[this.classPlants.rank(c) % URL_NAMES.length]}`;
    if (kind === 'name-too-long') return `${name} ${LONG_NAME_TAIL}`;
    return name;
  }
  /** The class's teacher (index, or -1 for none, or -2 - k for the unknown teacher ID k). */
  classTeacher(c: number, school: SchoolPlan): number {
    const kind = this.classPlants.kindOf(c);
    if (kind === 'class-teacher/no-teacher') return -1;
    if (kind === 'class-teacher/teacher-unknown')
      return -2 - (this.layout.teachers + this.classPlants.rank(c));
    if (kind === 'class-teacher/teacher-not-provisioned' && this.unprovisioned.length > 0)
      return this.unprovisioned[this.classPlants.rank(c) % this.unprovisioned.length];
    const local = c - school.firstClass;
    return school.firstTeacher + Math.floor((local * school.teachers) / school.classes);
  }
  /** A co-teacher for ~5% of ordinary classes, or -1. */
  coTeacher(c: number, school: SchoolPlan): number {
    if (this.classPlants.kindOf(c) !== null || school.teachers < 2) return -1;
    if (this.r.class.unit(c, 1) >= CO_TEACHER_SHARE) return -1;
    const primary = this.classTeacher(c, school) - school.firstTeacher;
    return school.firstTeacher + ((primary + 1) % school.teachers);
  }
  /** Teacher ID for a classTeacher()/coTeacher() value ('' for none). */
  teacherRef(t: number): string {
    if (t === -1) return '';
    return t >= 0 ? this.teacherId(t) : this.teacherId(-2 - t);
  }
  /** The k-th class of student i (k < school.classesPerStudent). */
  enrollmentClass(i: number, k: number, school: SchoolPlan): number {
    const local = i - school.firstStudent;
    const step = school.classes >= 6 ? Math.floor(school.classes / 6) : 1;
    return school.firstClass + ((local + k * step) % school.classes);
  }
  /** A class ID no file defines, for planted ref-unknown enrollments. */
  unknownClassId(rank: number): string {
    return this.classId(this.layout.classes + 1000 + rank);
  }
}

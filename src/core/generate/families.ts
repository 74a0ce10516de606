/**
 * Students and their parents. Every 16th student (index ≡ 15 mod 16) is the younger sibling of the
 * student before and shares that family's parents, so families are numbered apart from students. A
 * family has 1 or 2 parents (60% two: 1.5 parents per student), 6 when it carries hold-guardians.
 */
import type { District } from './district.ts';
import {
  CONTACT_TYPES_HELD,
  familyKinds,
  INVALID_DOBS,
  INVALID_PARENT_EMAILS,
  STUDENT_KINDS,
  UNSUPPORTED_PHONES,
  type DobLayout,
  type FamilyKind,
  type StudentKind,
} from './kinds.ts';
import { pad, schoolAt, type SchoolPlan } from './layout.ts';
import { FIRST_NAMES, LAST_NAMES, lower, RELATIONSHIPS } from './names.ts';
import { Planting } from './planting.ts';
import { RandomStream } from './random.ts';

const SIBLING_EVERY = 16;

export class Families {
  /** How many families `students` students make. */
  static count(students: number): number {
    return students - Math.floor(students / SIBLING_EVERY);
  }

  readonly count: number;
  readonly studentPlants: Planting<StudentKind>;
  readonly plants: Planting<FamilyKind>;
  private readonly r: Record<'student' | 'parent', RandomStream>;

  constructor(private readonly d: District) {
    const n = d.layout.students;
    this.count = Families.count(n);
    this.studentPlants = new Planting(STUDENT_KINDS, n, d.rate, d.seed, 'students');
    this.plants = new Planting(familyKinds(d.format), this.count, d.rate, d.seed, 'families');
    this.r = { student: new RandomStream(d.seed, 'student'), parent: new RandomStream(d.seed, 'parent') };
  }

  parentId(f: number, j: number): string {
    return 'P' + pad(f, this.d.layout.idWidth) + j;
  }

  isSibling(i: number): boolean {
    return i % SIBLING_EVERY === SIBLING_EVERY - 1;
  }
  familyOf(i: number): number {
    const head = this.isSibling(i) ? i - 1 : i;
    return head - Math.floor(head / SIBLING_EVERY);
  }
  familyHead(f: number): number {
    return f + Math.floor(f / (SIBLING_EVERY - 1));
  }
  /** Students of family f: its head, and the next student when that one is a sibling. */
  familySize(f: number): number {
    const head = this.familyHead(f);
    return head + 1 < this.d.layout.students && this.isSibling(head + 1) ? 2 : 1;
  }
  parentCount(f: number): number {
    const kind = this.plants.kindOf(f);
    if (kind === 'hold-guardians') return 6;
    if (kind === 'device-in-use') return 2;
    return this.r.parent.unit(f, 0) < 0.6 ? 2 : 1;
  }

  studentSchool(i: number): SchoolPlan {
    return schoolAt(this.d.schools, i, 'firstStudent');
  }
  studentFirst(i: number): string {
    return this.r.student.pick(FIRST_NAMES, i, 1);
  }
  studentLast(i: number): string {
    return this.familyLast(this.familyOf(i));
  }
  familyLast(f: number): string {
    return this.r.parent.pick(LAST_NAMES, f, 1);
  }
  studentGrade(i: number, school: SchoolPlan): number {
    const span = school.highGrade - school.lowGrade + 1;
    return school.lowGrade + Math.floor(((i - school.firstStudent) * span) / school.students);
  }
  /** Younger students often have no district email. */
  studentEmail(i: number, school: SchoolPlan): string {
    if (this.studentGrade(i, school) < 3 && this.r.student.unit(i, 3) < 0.5) return '';
    const local = lower(this.studentFirst(i)).slice(0, 1) + lower(this.studentLast(i)) + this.d.studentId(i);
    return `${local}@students.${this.d.layout.domain}`;
  }
  /** Some high-school students give a phone of their own. */
  studentPhone(i: number, school: SchoolPlan): string {
    if (this.d.sharedPhones) return this.d.phones.phone(this.familyOf(i) * 6, this.r.student.below(i, 6, 5));
    if (this.studentGrade(i, school) < 9 || this.r.student.unit(i, 4) >= 0.4) return '';
    return this.d.phones.phone(this.count * 6 + this.d.layout.teachers + i, this.r.student.below(i, 6, 5));
  }
  /** Birth date for the 2026–27 school year (a kindergartner was 5 by September 1, 2026). */
  studentDob(i: number, school: SchoolPlan, layout: DobLayout): string {
    const kind = this.studentPlants.kindOf(i);
    const grade = this.studentGrade(i, school);
    const month = 1 + this.r.student.below(i, 12, 6);
    const day = 1 + this.r.student.below(i, 28, 7);
    const year = (month >= 9 ? 2020 : 2021) - grade;
    if (kind === 'student-dob/missing') return '';
    if (kind === 'student-dob/invalid') {
      const list = INVALID_DOBS[layout];
      return list[this.studentPlants.rank(i) % list.length];
    }
    if (kind === 'student-dob/two-digit-year') return `${month}/${day}/${pad(year % 100, 2)}`;
    if (layout === 'iso') return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    if (layout === 'us-padded') return `${pad(month, 2)}/${pad(day, 2)}/${year}`;
    return `${month}/${day}/${year}`;
  }

  // ---- parents (family f, parent j) ----

  /** Parents with a contact problem get unique names, so that name-keyed formats do not merge them. */
  private uniqueName(f: number): [string, string] | null {
    const kind = this.plants.kindOf(f);
    if (kind === null || !kind.startsWith('parent-contact/')) return null;
    const r = this.plants.rank(f);
    return [
      FIRST_NAMES[r % FIRST_NAMES.length],
      LAST_NAMES[Math.floor(r / FIRST_NAMES.length) % LAST_NAMES.length],
    ];
  }
  parentFirst(f: number, j: number): string {
    if (j === 0) {
      if (this.plants.kindOf(f) === 'parent-name/missing') return '';
      const unique = this.uniqueName(f);
      if (unique) return unique[0];
    }
    return this.r.parent.pick(FIRST_NAMES, f, 10 + j);
  }
  parentLast(f: number, j: number): string {
    if (j === 0) {
      const unique = this.uniqueName(f);
      if (unique) return unique[1];
    }
    return j > 0 && this.r.parent.unit(f, 20 + j) < 0.15
      ? this.r.parent.pick(LAST_NAMES, f, 30 + j)
      : this.familyLast(f);
  }
  /** Most parents give both an email and a phone; some only one of them. */
  private contactMix(f: number, j: number): number {
    const kind = this.plants.kindOf(f);
    if (kind === 'device-in-use' || (j === 0 && kind === 'phone-unsupported')) return 0;
    return this.r.parent.unit(f, 40 + j);
  }
  parentEmail(f: number, j: number): string {
    const kind = j === 0 ? this.plants.kindOf(f) : null;
    if (kind === 'parent-contact/missing') return '';
    if (kind === 'parent-contact/invalid')
      return INVALID_PARENT_EMAILS[this.plants.rank(f) % INVALID_PARENT_EMAILS.length];
    if (kind === 'parent-contact/taken') return this.d.teacherEmail(0);
    const mix = this.contactMix(f, j);
    if (mix >= 0.8 && mix < 0.92) return '';
    const first = lower(this.r.parent.pick(FIRST_NAMES, f, 10 + j));
    const tld = ['com', 'net', 'org'][this.r.parent.below(f, 3, 50 + j)];
    return `${first}.${lower(this.parentLast(f, j))}${f * 6 + j}@example.${tld}`;
  }
  parentPhone(f: number, j: number): string {
    const kind = this.plants.kindOf(f);
    if (j === 0 && kind !== null && kind.startsWith('parent-contact/')) return '';
    if (j === 0 && kind === 'phone-unsupported')
      return UNSUPPORTED_PHONES[this.plants.rank(f) % UNSUPPORTED_PHONES.length];
    if (this.contactMix(f, j) >= 0.92) return '';
    // A second parent giving the family's home phone: the same number, written another way.
    const slot = kind === 'device-in-use' || this.d.sharedPhones ? f * 6 : f * 6 + j;
    return this.d.phones.phone(slot, (this.r.parent.below(f, 6, 60) + j) % 6);
  }
  relationship(f: number, j: number): string {
    return j < 2
      ? (this.r.parent.u32(f, 70) & 1) === j
        ? 'Mother'
        : 'Father'
      : RELATIONSHIPS[(f + j) % RELATIONSHIPS.length];
  }
  /** Clever Contact_type. */
  contactType(f: number, j: number): string {
    if (j === 0 && this.plants.kindOf(f) === 'hold-contact-type')
      return CONTACT_TYPES_HELD[this.plants.rank(f) % CONTACT_TYPES_HELD.length];
    return 'Parent/Guardian';
  }
  /** Clever gives contact IDs for some families; the others are identified by name and contact. */
  hasContactId(f: number): boolean {
    return (this.r.parent.u32(f, 80) & 1) === 0;
  }
}

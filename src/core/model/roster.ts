/**
 * The canonical roster every format adapter produces (rules.md §2), kept compact: one small
 * fixed-shape object per person and class, school sets as arrays of small integers, and empty
 * lists shared. Enrollments are never stored; they are folded into schools and class teachers.
 */
export type Role = 'teacher' | 'student' | 'parent' | 'staff';

/** teacher > parent > student > staff (rules.md §4 and formats.md for OneRoster 1.2). */
export const ROLE_RANK: Record<Role, number> = { teacher: 3, parent: 2, student: 1, staff: 0 };

const NONE: readonly never[] = Object.freeze([]);

/** V8 keeps substrings as views on the whole chunk they came from; copy values we keep. */
export function own(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

export interface School {
  id: string;
  name: string;
  file: number;
  row: number;
}

export class Person {
  firstName = '';
  lastName = '';
  emails: readonly string[] = NONE;
  phones: readonly string[] = NONE;
  dob: string | null = null;
  /** Indexes into Roster.schools. */
  schools: readonly number[] = NONE;
  /** Parents: indexes of linked students (people). */
  students: readonly number[] = NONE;
  /** The name is one field (Clever's Contact_name), kept in firstName. */
  singleName = false;
  /** Clever contact types that put the sync on hold (Emergency, Secondary). */
  holdContactType: string | null = null;
  constructor(
    public id: string,
    public role: Role,
    public file: number,
    public row: number,
  ) {}
}

export class RosterClass {
  name = '';
  school = -1;
  /** Teacher IDs as referenced by the files, resolved or not, without repeats. */
  teacherRefs: readonly string[] = NONE;
  constructor(
    public id: string,
    public file: number,
    public row: number,
  ) {}
}

export function addTo<T>(list: readonly T[], value: T): readonly T[] {
  if (list.includes(value)) return list;
  return list.length === 0 ? [value] : [...list, value];
}

export class Roster {
  readonly files: string[] = [];
  readonly schools: School[] = [];
  readonly people: Person[] = [];
  readonly classes: RosterClass[] = [];
  readonly schoolIndex = new Map<string, number>();
  readonly personIndex = new Map<string, number>();
  readonly classIndex = new Map<string, number>();

  /** Returns the new school's index, or -1 when the ID is already defined. */
  addSchool(id: string, name: string, file: number, row: number): number {
    if (this.schoolIndex.has(id)) return -1;
    this.schools.push({ id: own(id), name: own(name), file, row });
    this.schoolIndex.set(id, this.schools.length - 1);
    return this.schools.length - 1;
  }

  /** Returns the new person's index, or -1 when the ID is already defined. */
  addPerson(id: string, role: Role, file: number, row: number): number {
    if (this.personIndex.has(id)) return -1;
    const key = own(id);
    this.people.push(new Person(key, role, file, row));
    this.personIndex.set(key, this.people.length - 1);
    return this.people.length - 1;
  }

  /** A person with no source ID of its own (a guardian identified by name and contact). */
  addAnonymousPerson(role: Role, file: number, row: number): number {
    this.people.push(new Person('', role, file, row));
    return this.people.length - 1;
  }

  addClass(id: string, file: number, row: number): number {
    if (this.classIndex.has(id)) return -1;
    const key = own(id);
    this.classes.push(new RosterClass(key, file, row));
    this.classIndex.set(key, this.classes.length - 1);
    return this.classes.length - 1;
  }

  person(id: string): Person | undefined {
    const i = this.personIndex.get(id);
    return i === undefined ? undefined : this.people[i];
  }

  setName(p: Person, first: string, last: string): void {
    p.firstName = own(first);
    p.lastName = own(last);
  }

  addEmail(p: Person, value: string): void {
    if (value) p.emails = addTo(p.emails, own(value));
  }

  addPhone(p: Person, value: string): void {
    if (value) p.phones = addTo(p.phones, own(value));
  }

  addSchoolTo(p: Person, school: number): void {
    if (school >= 0) p.schools = addTo(p.schools, school);
  }

  linkParent(parent: number, student: number): void {
    const p = this.people[parent];
    p.students = addTo(p.students, student);
  }

  addClassTeacher(c: RosterClass, teacherId: string): void {
    if (teacherId) c.teacherRefs = addTo(c.teacherRefs, own(teacherId));
  }
}

export function displayName(p: Person): string {
  return p.singleName ? p.firstName : [p.firstName, p.lastName].filter(Boolean).join(' ');
}

/**
 * The canonical roster every format adapter produces (rules.md §2), kept compact: people by column
 * (people.ts), one small fixed-shape object per class and school, school sets as small integers.
 * Enrollments are never stored; they are folded into schools and class teachers.
 */
import { own, People, type Role } from './people.ts';

export { own, People, ROLE_RANK, type Role } from './people.ts';

const NONE: readonly never[] = Object.freeze([]);

export interface School {
  id: string;
  name: string;
  file: number;
  row: number;
}

/** One person as a plain object: for reports, downloads and tests, never for whole-roster loops. */
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

/**
 * An enrollment that would have made a teacher the class's owner but was left out for its school
 * (Remind CSV 1.0 `enrollment-school`): the row is there, so adding it again would change nothing.
 */
export interface LeftOutOwner {
  teacher: string;
  /** The enrollment's school_id (index into Roster.schools). */
  school: number;
  /** The schools of the teacher's own rows (later, the class's school counts for them too, §8). */
  teacherSchools: readonly number[];
  file: number;
  row: number;
}

export interface NamedOutside {
  teacher: string;
  teacherSchools: readonly number[];
}

export class RosterClass {
  name = '';
  school = -1;
  /** Teacher IDs as referenced by the files, resolved or not, without repeats: the class's owners. */
  teacherRefs: readonly string[] = NONE;
  /**
   * Teachers the class's own row names without making them owners (Remind CSV 1.0: only
   * enrollments.csv does). They still count as referencing the class (rules.md §8).
   */
  namedTeacherRefs: readonly string[] = NONE;
  /** Owner enrollments left out for their school, in file order (rare: usually none). */
  leftOutOwners: readonly LeftOutOwner[] = NONE;
  /**
   * Teachers of `namedTeacherRefs` whose own rows put them in schools other than the class's, with those
   * schools (indexes into Roster.schools): an owner enrollment for them would be left out for its school.
   * Set by resolveSchools before classes add their schools to their teachers (rare: usually none).
   */
  namedOutside: readonly NamedOutside[] = NONE;
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
  readonly people = new People();
  readonly classes: RosterClass[] = [];
  readonly schoolIndex = new Map<string, number>();
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
    return this.people.add(id, role, file, row);
  }

  /** A person with no source ID of its own (a guardian identified by name and contact). */
  addAnonymousPerson(role: Role, file: number, row: number): number {
    return this.people.add('', role, file, row);
  }

  addClass(id: string, file: number, row: number): number {
    if (this.classIndex.has(id)) return -1;
    const key = own(id);
    this.classes.push(new RosterClass(key, file, row));
    this.classIndex.set(key, this.classes.length - 1);
    return this.classes.length - 1;
  }

  /** Index of the person with this source ID, or -1. */
  findPerson(id: string): number {
    return this.people.find(id);
  }

  /** Where a person was first defined, for id-duplicate findings. */
  origin(index: number): { file: number; row: number } {
    return { file: this.people.file(index), row: this.people.row(index) };
  }

  addClassTeacher(c: RosterClass, teacherId: string): void {
    if (teacherId) c.teacherRefs = addTo(c.teacherRefs, own(teacherId));
  }

  /** A teacher the class's row names, who owns the class only if an enrollment says so. */
  nameClassTeacher(c: RosterClass, teacherId: string): void {
    if (teacherId) c.namedTeacherRefs = addTo(c.namedTeacherRefs, own(teacherId));
  }

  /** An owner enrollment of the class that the format left out because of its school. */
  leaveOutClassOwner(c: RosterClass, owner: LeftOutOwner): void {
    c.leftOutOwners = [...c.leftOutOwners, { ...owner, teacher: own(owner.teacher) }];
  }

  /** One person as a plain object. */
  person(index: number): Person {
    const people = this.people;
    const p = new Person(people.id(index), people.role(index), people.file(index), people.row(index));
    p.firstName = people.firstName(index);
    p.lastName = people.lastName(index);
    p.emails = people.emails(index);
    p.phones = people.phones(index);
    p.dob = people.dob(index);
    p.schools = people.schools(index);
    p.students = people.students(index);
    p.singleName = people.singleName(index);
    p.holdContactType = people.holdContactType(index);
    return p;
  }

  /** Every person as a plain object (tests and small rosters). */
  *everyone(): IterableIterator<Person> {
    for (let i = 0; i < this.people.count; i++) yield this.person(i);
  }
}

/** How a report names a person. */
export function displayName(people: People, index: number): string {
  const first = people.firstName(index);
  if (people.singleName(index)) return first;
  const last = people.lastName(index);
  return first && last ? first + ' ' + last : first || last;
}

/**
 * Everyone in the roster, stored by column rather than one object per person: a district of a
 * million students has two and a half million people, and an object each (with its strings and its
 * arrays of emails, phones and schools) would not fit in a browser tab. Each person is an index;
 * facts live in typed arrays, texts in Texts (as numbers), and the rare second email, phone, school
 * or child in a side map. Values are kept exactly as the files wrote them (trimmed), without repeats.
 */
import { IdIndex } from './id-index.ts';
import { Int32Pages } from './pages.ts';
import { NO_TEXT, Texts } from './texts.ts';

export type Role = 'teacher' | 'student' | 'parent' | 'staff';

/** Role codes are the ranks of rules.md §4: teacher > parent > student > staff. */
export const ROLE_RANK: Record<Role, number> = { teacher: 3, parent: 2, student: 1, staff: 0 };
const ROLE_OF_CODE: readonly Role[] = ['staff', 'student', 'parent', 'teacher'];

/** V8 keeps substrings as views on the whole chunk they came from; copy values we keep. */
export function own(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

/** The fields of a person's record (32-bit integers; texts as Texts numbers). */
const ID = 0;
/** Role rank (bits 0–1), name-is-one-field flag (bit 2), has-more flags (bits 3–6), file index (bits 8 and up). */
const META = 1;
const ROW = 2;
const FIRST = 3;
const LAST = 4;
/** Text of the birth date, or -1 when none was given. */
const DOB = 5;
/** First email and phone (NO_TEXT: none); more in side maps. */
const EMAIL = 6;
const PHONE = 7;
/** First school and (parents) first linked student, or -1; more in side maps. */
const SCHOOL = 8;
const STUDENT = 9;
const WIDTH = 10;

const SINGLE_NAME = 4;
/**
 * Set when a side map holds more of that list for the person: counting the usual one-item list
 * (every person's schools and emails are counted again and again) then needs no Map look-up.
 */
const MORE_EMAILS = 8;
const MORE_PHONES = 16;
const MORE_SCHOOLS = 32;
const MORE_STUDENTS = 64;
const FILE_SHIFT = 8;

export class People {
  count = 0;
  readonly texts = new Texts();
  private readonly records = new Int32Pages(WIDTH);
  /** People with a source ID, by ID (guardians identified by name and contact are not in it). */
  private readonly index = new IdIndex({
    matches: (i, id) => this.texts.equals(this.get(i, ID), id),
    matchesAt: (i, source, start, end) => this.texts.equalsAt(this.get(i, ID), source, start, end),
  });
  private readonly moreEmails = new Map<number, number[]>();
  private readonly morePhones = new Map<number, number[]>();
  private readonly moreSchools = new Map<number, number[]>();
  private readonly moreStudents = new Map<number, number[]>();
  /** Clever contact types that put the sync on hold (Emergency, Secondary), by person. */
  private readonly holdTypes = new Map<number, string>();

  private get(i: number, field: number): number {
    return this.records.get(i, field);
  }

  private set(i: number, field: number, value: number): void {
    this.records.set(i, field, value);
  }

  /** Adds a person; returns its index, or -1 when the (non-empty) ID is taken. */
  add(id: string, role: Role, file: number, row: number): number {
    const i = this.count;
    if (id !== '' && this.index.insert(id, this.index.hash(id), i) >= 0) return -1;
    this.count++;
    this.records.reserve(i);
    this.set(i, ID, this.texts.add(id));
    this.set(i, META, ROLE_RANK[role] | (file << FILE_SHIFT));
    this.set(i, ROW, row);
    this.set(i, FIRST, NO_TEXT);
    this.set(i, LAST, NO_TEXT);
    this.set(i, DOB, -1);
    this.set(i, EMAIL, NO_TEXT);
    this.set(i, PHONE, NO_TEXT);
    this.set(i, SCHOOL, -1);
    this.set(i, STUDENT, -1);
    return i;
  }

  /** Index of the person with this source ID, or -1. */
  find(id: string): number {
    return this.index.find(id);
  }

  /** Whether person i's ID is `source` from `start` to `end`. */
  idIsAt(i: number, source: string, start: number, end: number): boolean {
    return this.texts.equalsAt(this.get(i, ID), source, start, end);
  }

  /** The person whose ID is kept text `ref` (an ID listed by someone, found once all are read). */
  findText(ref: number): number {
    const start = this.texts.offset(ref);
    return this.index.findAt(this.texts.source(ref), start, start + this.texts.length(ref));
  }

  /** The same for the ID that is `source` from `start` to `end` (a cell, read in place). */
  findAt(source: string, start: number, end: number): number {
    return this.index.findAt(source, start, end);
  }

  id(i: number): string {
    return this.texts.get(this.get(i, ID));
  }

  /** Text number of the ID (compare and hash IDs without building strings). */
  idRef(i: number): number {
    return this.get(i, ID);
  }

  /** Gives a person without an ID of its own one (guardians, once every student is read). */
  setId(i: number, id: string): void {
    this.set(i, ID, this.texts.add(id));
  }

  role(i: number): Role {
    return ROLE_OF_CODE[this.get(i, META) & 3];
  }

  /** The role as its rank (rules.md §4): compare people without looking at strings. */
  rank(i: number): number {
    return this.get(i, META) & 3;
  }

  setRole(i: number, role: Role): void {
    this.set(i, META, (this.get(i, META) & ~3) | ROLE_RANK[role]);
  }

  /** File and row of the person's first record. */
  file(i: number): number {
    return this.get(i, META) >>> FILE_SHIFT;
  }

  row(i: number): number {
    return this.get(i, ROW);
  }

  firstName(i: number): string {
    return this.texts.get(this.get(i, FIRST));
  }

  lastName(i: number): string {
    return this.texts.get(this.get(i, LAST));
  }

  hasFirstName(i: number): boolean {
    return this.get(i, FIRST) !== NO_TEXT;
  }

  hasLastName(i: number): boolean {
    return this.get(i, LAST) !== NO_TEXT;
  }

  setName(i: number, first: string, last: string): void {
    this.set(i, FIRST, this.texts.add(first));
    this.set(i, LAST, this.texts.add(last));
  }

  /** The name is one field (Clever's Contact_name), kept as the first name. */
  singleName(i: number): boolean {
    return (this.get(i, META) & SINGLE_NAME) !== 0;
  }

  setSingleName(i: number): void {
    this.set(i, META, this.get(i, META) | SINGLE_NAME);
  }

  dob(i: number): string | null {
    const ref = this.get(i, DOB);
    return ref === -1 ? null : this.texts.get(ref);
  }

  setDob(i: number, dob: string): void {
    this.set(i, DOB, this.texts.add(dob));
  }

  addEmail(i: number, value: string): void {
    if (value) this.addText(i, EMAIL, this.moreEmails, MORE_EMAILS, value);
  }

  emailCount(i: number): number {
    return this.textCount(i, EMAIL, this.moreEmails, MORE_EMAILS);
  }

  /** Text number of the k-th email. */
  emailRef(i: number, k: number): number {
    return k === 0 ? this.get(i, EMAIL) : this.moreEmails.get(i)![k - 1];
  }

  email(i: number, k: number): string {
    return this.texts.get(this.emailRef(i, k));
  }

  emails(i: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.emailCount(i); k++) out.push(this.email(i, k));
    return out;
  }

  addPhone(i: number, value: string): void {
    if (value) this.addText(i, PHONE, this.morePhones, MORE_PHONES, value);
  }

  phoneCount(i: number): number {
    return this.textCount(i, PHONE, this.morePhones, MORE_PHONES);
  }

  /** Text number of the k-th phone. */
  phoneRef(i: number, k: number): number {
    return k === 0 ? this.get(i, PHONE) : this.morePhones.get(i)![k - 1];
  }

  phone(i: number, k: number): string {
    return this.texts.get(this.phoneRef(i, k));
  }

  phones(i: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.phoneCount(i); k++) out.push(this.phone(i, k));
    return out;
  }

  /** Adds a school (index into Roster.schools); -1 is ignored. */
  addSchool(i: number, school: number): void {
    if (school >= 0) this.addIndex(i, SCHOOL, this.moreSchools, MORE_SCHOOLS, school);
  }

  schoolCount(i: number): number {
    return this.indexCount(i, SCHOOL, this.moreSchools, MORE_SCHOOLS);
  }

  school(i: number, k: number): number {
    return k === 0 ? this.get(i, SCHOOL) : this.moreSchools.get(i)![k - 1];
  }

  schools(i: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.schoolCount(i); k++) out.push(this.school(i, k));
    return out;
  }

  /** Parents: links a student (person index). */
  addStudent(i: number, student: number): void {
    this.addIndex(i, STUDENT, this.moreStudents, MORE_STUDENTS, student);
  }

  studentCount(i: number): number {
    return this.indexCount(i, STUDENT, this.moreStudents, MORE_STUDENTS);
  }

  student(i: number, k: number): number {
    return k === 0 ? this.get(i, STUDENT) : this.moreStudents.get(i)![k - 1];
  }

  students(i: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.studentCount(i); k++) out.push(this.student(i, k));
    return out;
  }

  holdContactType(i: number): string | null {
    return this.holdTypes.get(i) ?? null;
  }

  setHoldContactType(i: number, type: string): void {
    this.holdTypes.set(i, own(type));
  }

  /** Adds a text to a person's list (first in the record, others in `more`) unless it is there. */
  private addText(i: number, field: number, more: Map<number, number[]>, bit: number, value: string): void {
    const first = this.get(i, field);
    if (first === NO_TEXT) this.set(i, field, this.texts.add(value));
    else if (!this.texts.equals(first, value)) {
      const rest = more.get(i);
      if (!rest) this.startMore(i, more, bit, this.texts.add(value));
      else if (!rest.some((t) => this.texts.equals(t, value))) rest.push(this.texts.add(value));
    }
  }

  private textCount(i: number, field: number, more: Map<number, number[]>, bit: number): number {
    return this.get(i, field) === NO_TEXT ? 0 : 1 + this.moreCount(i, more, bit);
  }

  private addIndex(i: number, field: number, more: Map<number, number[]>, bit: number, value: number): void {
    const first = this.get(i, field);
    if (first === -1) this.set(i, field, value);
    else if (first !== value) {
      const rest = more.get(i);
      if (!rest) this.startMore(i, more, bit, value);
      else if (!rest.includes(value)) rest.push(value);
    }
  }

  private indexCount(i: number, field: number, more: Map<number, number[]>, bit: number): number {
    return this.get(i, field) === -1 ? 0 : 1 + this.moreCount(i, more, bit);
  }

  /** A second item of a list: into the side map, flagged in the record. */
  private startMore(i: number, more: Map<number, number[]>, bit: number, value: number): void {
    more.set(i, [value]);
    this.set(i, META, this.get(i, META) | bit);
  }

  private moreCount(i: number, more: Map<number, number[]>, bit: number): number {
    return (this.get(i, META) & bit) === 0 ? 0 : more.get(i)!.length;
  }
}

/**
 * Everyone in the roster, stored by column rather than one object per person: a district of a
 * million students has two and a half million people, and an object each (with its strings and its
 * arrays of emails, phones and schools) would not fit in a browser tab. Each person is an index;
 * facts live in typed arrays, texts in Texts (as numbers), and the rare second email, phone, school
 * or child in a side map. Values are kept exactly as the files wrote them (trimmed), without repeats.
 */
import { IdIndex } from './id-index.ts';
import { NO_TEXT, Texts } from './texts.ts';

export type Role = 'teacher' | 'student' | 'parent' | 'staff';

/** Role codes are the ranks of rules.md §4: teacher > parent > student > staff. */
export const ROLE_RANK: Record<Role, number> = { teacher: 3, parent: 2, student: 1, staff: 0 };
const ROLE_OF_CODE: readonly Role[] = ['staff', 'student', 'parent', 'teacher'];

/** V8 keeps substrings as views on the whole chunk they came from; copy values we keep. */
export function own(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

const SINGLE_NAME = 1;
const NO_DOB = -1;

function grow<T extends Int32Array | Uint16Array | Uint8Array>(a: T, n: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** Texts (emails, phones) of a person without repeats: the first in an array, the others in a map. */
class TextLists {
  first = new Int32Array(1024);
  readonly more = new Map<number, number[]>();

  constructor(private readonly texts: Texts) {}

  /** Adds a non-empty value unless the person already has it. */
  add(i: number, value: string): void {
    const first = this.first[i];
    if (first === NO_TEXT) this.first[i] = this.texts.add(value);
    else if (!this.texts.equals(first, value)) {
      const more = this.more.get(i);
      if (!more) this.more.set(i, [this.texts.add(value)]);
      else if (!more.some((t) => this.texts.equals(t, value))) more.push(this.texts.add(value));
    }
  }

  count(i: number): number {
    return this.first[i] === NO_TEXT ? 0 : 1 + (this.more.get(i)?.length ?? 0);
  }

  /** Text number of the k-th value. */
  ref(i: number, k: number): number {
    return k === 0 ? this.first[i] : this.more.get(i)![k - 1];
  }
}

/** The same for small integers (schools, linked students), -1 meaning none. */
class IndexLists {
  first = new Int32Array(1024).fill(-1);
  readonly more = new Map<number, number[]>();

  add(i: number, value: number): void {
    const first = this.first[i];
    if (first === -1) this.first[i] = value;
    else if (first !== value) {
      const more = this.more.get(i);
      if (!more) this.more.set(i, [value]);
      else if (!more.includes(value)) more.push(value);
    }
  }

  count(i: number): number {
    return this.first[i] === -1 ? 0 : 1 + (this.more.get(i)?.length ?? 0);
  }

  get(i: number, k: number): number {
    return k === 0 ? this.first[i] : this.more.get(i)![k - 1];
  }

  list(i: number): number[] {
    const first = this.first[i];
    return first === -1 ? [] : [first, ...(this.more.get(i) ?? [])];
  }
}

export class People {
  count = 0;
  readonly texts = new Texts();
  /** People with a source ID, by ID (guardians identified by name and contact are not in it). */
  private readonly index = new IdIndex(this.texts);
  private ids = new Int32Array(1024);
  private roles = new Uint8Array(1024);
  private files = new Uint16Array(1024);
  private rows = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private firstNames = new Int32Array(1024);
  private lastNames = new Int32Array(1024);
  private dobs = new Int32Array(1024).fill(NO_DOB);
  private readonly emailLists = new TextLists(this.texts);
  private readonly phoneLists = new TextLists(this.texts);
  private readonly schoolLists = new IndexLists();
  private readonly studentLists = new IndexLists();
  /** Clever contact types that put the sync on hold (Emergency, Secondary), by person. */
  private readonly holdTypes = new Map<number, string>();

  /** Adds a person; returns its index, or -1 when the (non-empty) ID is taken. */
  add(id: string, role: Role, file: number, row: number): number {
    const i = this.count;
    const ref = this.texts.add(id);
    if (id !== '' && !this.index.add(id, ref, i)) return -1;
    this.count++;
    if (i === this.roles.length) this.grow(i * 2);
    this.ids[i] = ref;
    this.roles[i] = ROLE_RANK[role];
    this.files[i] = file;
    this.rows[i] = row;
    return i;
  }

  /** Index of the person with this source ID, or -1. */
  find(id: string): number {
    return this.index.find(id);
  }

  private grow(n: number): void {
    this.ids = grow(this.ids, n);
    this.roles = grow(this.roles, n);
    this.files = grow(this.files, n);
    this.rows = grow(this.rows, n);
    this.flags = grow(this.flags, n);
    this.firstNames = grow(this.firstNames, n);
    this.lastNames = grow(this.lastNames, n);
    this.dobs = grow(this.dobs, n, NO_DOB);
    this.emailLists.first = grow(this.emailLists.first, n);
    this.phoneLists.first = grow(this.phoneLists.first, n);
    this.schoolLists.first = grow(this.schoolLists.first, n, -1);
    this.studentLists.first = grow(this.studentLists.first, n, -1);
  }

  id(i: number): string {
    return this.texts.get(this.ids[i]);
  }

  /** Text number of the ID (compare and hash IDs without building strings). */
  idRef(i: number): number {
    return this.ids[i];
  }

  /** Gives a person without an ID of its own one (guardians, once every student is read). */
  setId(i: number, id: string): void {
    this.ids[i] = this.texts.add(id);
  }

  role(i: number): Role {
    return ROLE_OF_CODE[this.roles[i]];
  }

  /** The role as its rank (rules.md §4): compare people without looking at strings. */
  rank(i: number): number {
    return this.roles[i];
  }

  setRole(i: number, role: Role): void {
    this.roles[i] = ROLE_RANK[role];
  }

  /** File and row of the person's first record. */
  file(i: number): number {
    return this.files[i];
  }

  row(i: number): number {
    return this.rows[i];
  }

  firstName(i: number): string {
    return this.texts.get(this.firstNames[i]);
  }

  lastName(i: number): string {
    return this.texts.get(this.lastNames[i]);
  }

  hasFirstName(i: number): boolean {
    return this.firstNames[i] !== NO_TEXT;
  }

  setName(i: number, first: string, last: string): void {
    this.firstNames[i] = this.texts.add(first);
    this.lastNames[i] = this.texts.add(last);
  }

  /** The name is one field (Clever's Contact_name), kept as the first name. */
  singleName(i: number): boolean {
    return (this.flags[i] & SINGLE_NAME) !== 0;
  }

  setSingleName(i: number): void {
    this.flags[i] |= SINGLE_NAME;
  }

  dob(i: number): string | null {
    const ref = this.dobs[i];
    return ref === NO_DOB ? null : this.texts.get(ref);
  }

  setDob(i: number, dob: string): void {
    this.dobs[i] = this.texts.add(dob);
  }

  addEmail(i: number, value: string): void {
    if (value) this.emailLists.add(i, value);
  }

  emailCount(i: number): number {
    return this.emailLists.count(i);
  }

  email(i: number, k: number): string {
    return this.texts.get(this.emailLists.ref(i, k));
  }

  /** Text number of the k-th email. */
  emailRef(i: number, k: number): number {
    return this.emailLists.ref(i, k);
  }

  emails(i: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.emailCount(i); k++) out.push(this.email(i, k));
    return out;
  }

  addPhone(i: number, value: string): void {
    if (value) this.phoneLists.add(i, value);
  }

  phoneCount(i: number): number {
    return this.phoneLists.count(i);
  }

  phone(i: number, k: number): string {
    return this.texts.get(this.phoneLists.ref(i, k));
  }

  /** Text number of the k-th phone. */
  phoneRef(i: number, k: number): number {
    return this.phoneLists.ref(i, k);
  }

  phones(i: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.phoneCount(i); k++) out.push(this.phone(i, k));
    return out;
  }

  /** Adds a school (index into Roster.schools); -1 is ignored. */
  addSchool(i: number, school: number): void {
    if (school >= 0) this.schoolLists.add(i, school);
  }

  schoolCount(i: number): number {
    return this.schoolLists.count(i);
  }

  school(i: number, k: number): number {
    return this.schoolLists.get(i, k);
  }

  schools(i: number): number[] {
    return this.schoolLists.list(i);
  }

  /** Parents: links a student (person index). */
  addStudent(i: number, student: number): void {
    this.studentLists.add(i, student);
  }

  studentCount(i: number): number {
    return this.studentLists.count(i);
  }

  student(i: number, k: number): number {
    return this.studentLists.get(i, k);
  }

  students(i: number): number[] {
    return this.studentLists.list(i);
  }

  holdContactType(i: number): string | null {
    return this.holdTypes.get(i) ?? null;
  }

  setHoldContactType(i: number, type: string): void {
    this.holdTypes.set(i, own(type));
  }
}

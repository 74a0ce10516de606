/**
 * The shape of a synthetic district: schools of realistic sizes, and contiguous ranges of students,
 * teachers, classes and enrollments per school, so any record's school is known from its index.
 * Ratios: a teacher per 20 students, a class per 25 students, 6 class enrollments per student
 * (fewer in a school with fewer than 6 classes).
 */
import type { FormatId } from '../formats/types.ts';
import { DISTRICT_NAMES, SCHOOL_NAMESAKES } from './names.ts';
import { RandomStream } from './random.ts';

export interface GenerateOptions {
  format: FormatId;
  students: number;
  /** Same seed, same bytes. Default 1. */
  seed?: number;
  /** Default: one school per ~900 students (elementary ~550, middle ~950, high ~1700). */
  schools?: number;
  /** Share of each population that gets each planted problem. Default 0.01. */
  rate?: number;
  /**
   * Every family's parents and students give the family's one phone (the many-findings district of
   * `npm run bench`): `device-in-use` alerts then outnumber students. The plan's `expected` counts
   * only the planted problems, not these.
   */
  sharedPhones?: boolean;
}

export type SchoolLevel = 'elementary' | 'middle' | 'high' | 'k12';

export interface SchoolPlan {
  index: number;
  id: string;
  name: string;
  level: SchoolLevel;
  lowGrade: number;
  highGrade: number;
  firstStudent: number;
  students: number;
  firstTeacher: number;
  teachers: number;
  firstClass: number;
  classes: number;
  /** Classes each student of this school takes. */
  classesPerStudent: number;
  firstEnrollment: number;
}

export const STUDENTS_PER_TEACHER = 20;
export const STUDENTS_PER_CLASS = 25;
export const CLASSES_PER_STUDENT = 6;
export const STAFF_PER_SCHOOL = 2;
/** Kindergarten is grade 0. */
const GRADES: Record<SchoolLevel, [number, number]> = {
  elementary: [0, 5],
  middle: [6, 8],
  high: [9, 12],
  k12: [0, 12],
};
const WEIGHTS: Record<SchoolLevel, number> = { elementary: 0.6, middle: 1, high: 1.8, k12: 1 };
const LEVEL_CYCLE: SchoolLevel[] = [
  'elementary',
  'middle',
  'high',
  'elementary',
  'elementary',
  'middle',
  'elementary',
  'high',
  'elementary',
  'middle',
];
/** Large districts reuse namesakes: "North Lincoln Elementary School". */
const ROUND_PREFIXES = ['North', 'South', 'East', 'West', 'Central', 'New', 'Upper', 'Lower', 'Old', 'Port'];
const SUFFIX: Record<SchoolLevel, string> = {
  elementary: 'Elementary School',
  middle: 'Middle School',
  high: 'High School',
  k12: 'Academy',
};

export function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export interface DistrictLayout {
  name: string;
  /** Email domain of staff and teachers; students use students.<domain>. */
  domain: string;
  schools: SchoolPlan[];
  students: number;
  teachers: number;
  classes: number;
  enrollments: number;
  /** Digits of the numeric part of person, class and enrollment IDs. */
  idWidth: number;
}

function schoolSizes(n: number, levels: SchoolLevel[], random: RandomStream): number[] {
  const weights = levels.map((l, i) => WEIGHTS[l] * (0.85 + 0.3 * random.unit(i)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = n - levels.length;
  const exact = weights.map((w) => (w / sum) * rest);
  const sizes = exact.map((x) => 1 + Math.floor(x));
  let left = n - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) sizes[byRemainder[k % byRemainder.length][1]]++;
  return sizes;
}

export function layoutDistrict(students: number, seed: number, schoolCount?: number): DistrictLayout {
  const n = Math.max(1, Math.floor(students));
  const count = Math.min(n, Math.max(1, Math.floor(schoolCount ?? Math.round(n / 900))));
  const random = new RandomStream(seed, 'schools');
  const levels =
    count === 1 ? (['k12'] as SchoolLevel[]) : Array.from({ length: count }, (_, i) => LEVEL_CYCLE[i % 10]);
  const sizes = schoolSizes(n, levels, random);
  const idDigits = Math.max(3, String(count + 10).length);
  const offset = random.below(99, SCHOOL_NAMESAKES.length);
  const schools: SchoolPlan[] = [];
  let firstStudent = 0;
  let firstTeacher = 0;
  let firstClass = 0;
  let firstEnrollment = 0;
  for (let s = 0; s < count; s++) {
    const level = levels[s];
    const size = sizes[s];
    const teachers = Math.max(1, Math.round(size / STUDENTS_PER_TEACHER));
    const classes = Math.max(1, Math.round(size / STUDENTS_PER_CLASS));
    const per = Math.min(CLASSES_PER_STUDENT, classes);
    const namesake = SCHOOL_NAMESAKES[(offset + s) % SCHOOL_NAMESAKES.length];
    const round = Math.floor(s / SCHOOL_NAMESAKES.length);
    const prefix = round === 0 ? '' : (ROUND_PREFIXES[round - 1] ?? `District ${round + 1}`) + ' ';
    schools.push({
      index: s,
      id: 'SCH' + pad(s + 1, idDigits),
      name: `${prefix}${namesake} ${SUFFIX[level]}`,
      level,
      lowGrade: GRADES[level][0],
      highGrade: GRADES[level][1],
      firstStudent,
      students: size,
      firstTeacher,
      teachers,
      firstClass,
      classes,
      classesPerStudent: per,
      firstEnrollment,
    });
    firstStudent += size;
    firstTeacher += teachers;
    firstClass += classes;
    firstEnrollment += size * per;
  }
  const name = random.pick(DISTRICT_NAMES, 7);
  return {
    name: `${name} Unified School District`,
    domain: `${name.toLowerCase().replace(/\s+/g, '')}usd.example.org`,
    schools,
    students: n,
    teachers: firstTeacher,
    classes: firstClass,
    enrollments: firstEnrollment,
    idWidth: Math.max(6, String(firstEnrollment * 2 + 100).length),
  };
}

/** Index of the school whose range holds record `i` of the given kind (binary search). */
export function schoolAt(
  schools: readonly SchoolPlan[],
  i: number,
  first: 'firstStudent' | 'firstTeacher' | 'firstClass',
): SchoolPlan {
  let lo = 0;
  let hi = schools.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (schools[mid][first] <= i) lo = mid;
    else hi = mid - 1;
  }
  return schools[lo];
}

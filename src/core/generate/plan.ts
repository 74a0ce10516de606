/**
 * What a generated district holds, before any byte is written: entity counts, how many records
 * carry each planted problem, and how many findings of each kind the engine must report for it
 * (keys `code/reason` for rules with reasons, else `code`). Tests compare the engine to this.
 */
import { District } from './district.ts';
import { STAFF_PER_SCHOOL, type GenerateOptions } from './layout.ts';

export interface DistrictCounts {
  schools: number;
  teachers: number;
  students: number;
  parents: number;
  staff: number;
  classes: number;
  /** Student class enrollments (rows naming a student and a class). */
  enrollments: number;
}

export interface DistrictPlan {
  options: GenerateOptions;
  district: District;
  counts: DistrictCounts;
  /** Records carrying each planted problem. */
  planted: Record<string, number>;
  /** Findings the engine reports for them; codes not listed: none. */
  expected: Record<string, number>;
}

const add = (map: Record<string, number>, key: string, n: number) => {
  if (n > 0) map[key] = (map[key] ?? 0) + n;
};

export function planDistrict(options: GenerateOptions): DistrictPlan {
  const d = new District(options);
  const fam = d.families;
  const planted: Record<string, number> = {};
  for (const p of [d.teacherPlants, fam.studentPlants, fam.plants, d.classPlants, d.enrollmentPlants]) {
    p.kinds.forEach((kind, k) => add(planted, kind, p.counts[k]));
  }
  if (d.unprovisioned.length === 0) delete planted['class-teacher/teacher-not-provisioned'];
  if (d.rate > 0) add(planted, 'name-too-long', 1);

  let parents = 0;
  let guardianHolds = 0;
  for (let f = 0; f < fam.count; f++) {
    parents += fam.parentCount(f);
    if (fam.plants.kindOf(f) === 'hold-guardians') guardianHolds += fam.familySize(f);
  }
  // Classes whose every teacher lacks an email: besides the planted ones, the classes of those teachers.
  let unprovisionedClasses = 0;
  for (const school of d.schools) {
    for (let c = school.firstClass; c < school.firstClass + school.classes; c++) {
      const kind = d.classPlants.kindOf(c);
      if (
        kind !== null &&
        kind.startsWith('class-teacher/') &&
        kind !== 'class-teacher/teacher-not-provisioned'
      )
        continue;
      const t = d.classTeacher(c, school);
      const co = d.coTeacher(c, school);
      if (d.teacherLacksEmail(t) && (co < 0 || d.teacherLacksEmail(co))) unprovisionedClasses++;
    }
  }

  const expected: Record<string, number> = { ...planted };
  delete expected['hold-guardians'];
  delete expected['class-teacher/teacher-not-provisioned'];
  add(expected, 'hold-guardians', guardianHolds);
  add(expected, 'class-teacher/teacher-not-provisioned', unprovisionedClasses);
  // Unknown teachers are unknown references (an empty teacher cell is no id-missing, rules.md §9).
  add(expected, 'ref-unknown', planted['class-teacher/teacher-unknown'] ?? 0);

  const hasStaff = d.format !== 'remind-csv-1.0';
  return {
    options,
    district: d,
    counts: {
      schools: d.schools.length,
      teachers: d.layout.teachers,
      students: d.layout.students,
      parents,
      staff: hasStaff ? STAFF_PER_SCHOOL * d.schools.length : 0,
      classes: d.layout.classes,
      enrollments: d.layout.enrollments,
    },
    planted,
    expected,
  };
}

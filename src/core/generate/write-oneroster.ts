/** OneRoster 1.1 / 1.2 bulk CSVs with every standard column, as a SIS export writes them. */
import type { District } from './district.ts';
import { enrollmentRows } from './enrollments.ts';
import type { SchoolPlan } from './layout.ts';
import { cell, FileOut, type ChunkStream } from './output.ts';
import { roles, STAMP, users } from './write-oneroster-users.ts';

const DISTRICT_ID = 'DIST-1';
const YEAR = '2026-27';
const TERMS = cell(`${YEAR}-S1,${YEAR}-S2`);

const H = {
  orgs: 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
  sessions: 'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
  courses:
    'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes',
  classes:
    'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,' +
    'termSourcedIds,subjects,subjectCodes,periods',
  enrollments:
    'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
  demographics:
    'sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,' +
    'nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,' +
    'countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus',
};

function manifest(version: '1.1' | '1.2'): string[] {
  const files = ['academicSessions', 'categories', 'classes', 'classResources', 'courses', 'courseResources'];
  files.push('demographics', 'enrollments', 'lineItems', 'orgs', 'resources', 'results', 'users');
  if (version === '1.2') files.push('roles', 'userProfiles');
  const bulk = new Set([
    'academicSessions',
    'classes',
    'courses',
    'demographics',
    'enrollments',
    'orgs',
    'users',
    'roles',
  ]);
  return [
    `manifest.version,1.0`,
    `oneroster.version,${version}`,
    ...files.sort().map((f) => `file.${f},${bulk.has(f) ? 'bulk' : 'absent'}`),
    'source.systemName,Roster Check generator',
    'source.systemCode,roster-check',
  ];
}

/** Course IDs of a school, one per distinct course title of its classes (a school has few). */
function schoolCourses(d: District, s: SchoolPlan): Map<string, string> {
  const courses = new Map<string, string>();
  for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
    const title = d.course(c, s);
    if (!courses.has(title)) courses.set(title, `${s.id}-CRS${courses.size + 1}`);
  }
  return courses;
}

export function* oneRosterFiles(d: District, version: '1.1' | '1.2'): ChunkStream {
  const fam = d.families;
  let out = new FileOut('manifest.csv', 'propertyName,value');
  for (const line of manifest(version)) out.line(line);
  yield out.take();

  out = new FileOut('orgs.csv', H.orgs);
  out.line(`${DISTRICT_ID},${STAMP},${d.layout.name},district,,`);
  for (const s of d.schools)
    out.line(`${s.id},${STAMP},${d.schoolName(s)},school,${100 + s.index},${DISTRICT_ID}`);
  yield out.take();

  out = new FileOut('academicSessions.csv', H.sessions);
  out.line(`${YEAR},${STAMP},${YEAR} School Year,schoolYear,2026-08-17,2027-06-04,,2027`);
  out.line(`${YEAR}-S1,${STAMP},Fall Semester,semester,2026-08-17,2027-01-15,${YEAR},2027`);
  out.line(`${YEAR}-S2,${STAMP},Spring Semester,semester,2027-01-19,2027-06-04,${YEAR},2027`);
  yield out.take();

  out = new FileOut('courses.csv', H.courses);
  for (const s of d.schools) {
    for (const [title, id] of schoolCourses(d, s))
      out.line(`${id},${STAMP},${YEAR},${title},${id},,${s.id},,`);
    if (out.full) yield out.take();
  }
  yield out.take();

  yield* users(d, version);
  if (version === '1.2') yield* roles(d);

  out = new FileOut('classes.csv', H.classes);
  for (const s of d.schools) {
    const courses = schoolCourses(d, s);
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const row =
        `${d.classId(c)},${STAMP},${d.className(c, s)},,${courses.get(d.course(c, s))},${200 + c - s.firstClass},` +
        `scheduled,Room ${100 + ((c - s.firstClass) % 60)},${s.id},${TERMS},,,${d.period(c, s)}`;
      out.line(row);
      if (d.classPlants.kindOf(c) === 'id-duplicate') out.line(row);
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  out = new FileOut('enrollments.csv', H.enrollments);
  for (const s of d.schools) {
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const teacher = d.teacherRef(d.classTeacher(c, s));
      const cls = d.classId(c);
      if (teacher)
        out.line(`${cls}-${teacher},${STAMP},${cls},${s.id},${teacher},teacher,true,2026-08-17,2027-06-04`);
      const co = d.coTeacher(c, s);
      if (co >= 0) {
        const id = d.teacherId(co);
        out.line(`${cls}-${id},${STAMP},${cls},${s.id},${id},teacher,false,2026-08-17,2027-06-04`);
      }
      if (out.full) yield out.take();
    }
  }
  yield* enrollmentRows(
    d,
    out,
    (s, cls, student, e) =>
      `${d.enrollmentId(e)},${STAMP},${cls},${s.id},${student},student,false,2026-08-17,2027-06-04`,
  );

  out = new FileOut('demographics.csv', H.demographics);
  for (const s of d.schools) {
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      out.line(`${d.studentId(i)},${STAMP},${fam.studentDob(i, s, 'iso')},,,,,,,,,,,,`);
      if (out.full) yield out.take();
    }
  }
  yield out.take();
}

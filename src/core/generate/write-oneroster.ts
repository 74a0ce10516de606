/** OneRoster 1.1 / 1.2 bulk CSVs with every standard column, as a SIS export writes them. */
import type { District } from './district.ts';
import { enrollmentRows } from './enrollments.ts';
import { pad, STAFF_PER_SCHOOL, type SchoolPlan } from './layout.ts';
import { cell, FileOut, type ChunkStream } from './output.ts';

const STAMP = 'active,2026-08-01T00:00:00.000Z';
const DISTRICT_ID = 'DIST-1';
const YEAR = '2026-27';
const TERMS = cell(`${YEAR}-S1,${YEAR}-S2`);

const H = {
  orgs: 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
  sessions: 'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
  courses:
    'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes',
  users11:
    'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,' +
    'middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
  users12:
    'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,' +
    'email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,' +
    'preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns',
  roles:
    'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId',
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

const grade = (g: number) => (g === 0 ? 'KG' : pad(g, 2));

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

interface UserCells {
  id: string;
  role: string;
  school: string;
  first: string;
  last: string;
  email: string;
  sms: string;
  phone: string;
  agents: string;
  grades: string;
  identifier: string;
}

function userRow(version: '1.1' | '1.2', u: UserCells): string {
  const username = u.email.includes('@') ? u.email.slice(0, u.email.indexOf('@')) : u.id;
  const common = `${username},,${u.first},${u.last},,${u.identifier},${u.email},${u.sms},${u.phone},${u.agents},${u.grades},`;
  return version === '1.1'
    ? `${u.id},${STAMP},true,${u.school},${u.role},${common}`
    : `${u.id},${STAMP},true,${common},,,,,,${u.school},`;
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

function* users(d: District, version: '1.1' | '1.2'): ChunkStream {
  const fam = d.families;
  const out = new FileOut('users.csv', version === '1.1' ? H.users11 : H.users12);
  const none = { sms: '', agents: '', grades: '', identifier: '' };
  for (const s of d.schools) {
    for (let t = s.firstTeacher; t < s.firstTeacher + s.teachers; t++) {
      const [first, last, email, phone] = [
        d.teacherFirst(t),
        d.teacherLast(t),
        d.teacherEmail(t),
        d.teacherPhone(t),
      ];
      out.line(
        userRow(version, {
          ...none,
          id: d.teacherId(t),
          role: 'teacher',
          school: s.id,
          first,
          last,
          email,
          phone,
        }),
      );
      if (out.full) yield out.take();
    }
    for (let k = s.index * STAFF_PER_SCHOOL; k < (s.index + 1) * STAFF_PER_SCHOOL; k++) {
      const [first, last, email] = [d.staffFirst(k), d.staffLast(k), d.staffEmail(k)];
      out.line(
        userRow(version, {
          ...none,
          id: d.staffId(k),
          role: 'administrator',
          school: s.id,
          first,
          last,
          email,
          phone: '',
        }),
      );
    }
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      const f = fam.familyOf(i);
      const parents = [];
      for (let j = 0; j < fam.parentCount(f); j++) parents.push(fam.parentId(f, j));
      out.line(
        userRow(version, {
          id: d.studentId(i),
          role: 'student',
          school: s.id,
          first: fam.studentFirst(i),
          last: fam.studentLast(i),
          email: fam.studentEmail(i, s),
          sms: '',
          phone: fam.studentPhone(i, s),
          agents: cell(parents.join(',')),
          grades: grade(fam.studentGrade(i, s)),
          identifier: d.studentId(i),
        }),
      );
      if (out.full) yield out.take();
    }
  }
  for (let f = 0; f < fam.count; f++) {
    const head = fam.familyHead(f);
    const school = fam.studentSchool(head).id;
    const agents =
      fam.familySize(f) === 2 ? cell(`${d.studentId(head)},${d.studentId(head + 1)}`) : d.studentId(head);
    for (let j = 0; j < fam.parentCount(f); j++) {
      // Mobile numbers go in sms, home numbers in phone.
      const number = fam.parentPhone(f, j);
      const mobile = (f + j) % 3 !== 0;
      out.line(
        userRow(version, {
          id: fam.parentId(f, j),
          role: j >= 2 ? 'relative' : f % 5 === 0 ? 'guardian' : 'parent',
          school,
          first: fam.parentFirst(f, j),
          last: fam.parentLast(f, j),
          email: fam.parentEmail(f, j),
          sms: mobile ? number : '',
          phone: mobile ? '' : number,
          agents,
          grades: '',
          identifier: '',
        }),
      );
    }
    if (out.full) yield out.take();
  }
  yield out.take();
}

function* roles(d: District): ChunkStream {
  const fam = d.families;
  const out = new FileOut('roles.csv', H.roles);
  const role = (user: string, r: string, school: string) =>
    out.line(`${user}-R,${STAMP},${user},primary,${r},2026-08-17,2027-06-04,${school},`);
  for (const s of d.schools) {
    for (let t = s.firstTeacher; t < s.firstTeacher + s.teachers; t++) {
      role(d.teacherId(t), 'teacher', s.id);
      if (out.full) yield out.take();
    }
    for (let k = s.index * STAFF_PER_SCHOOL; k < (s.index + 1) * STAFF_PER_SCHOOL; k++)
      role(d.staffId(k), 'administrator', s.id);
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      role(d.studentId(i), 'student', s.id);
      if (out.full) yield out.take();
    }
  }
  for (let f = 0; f < fam.count; f++) {
    const school = fam.studentSchool(fam.familyHead(f)).id;
    for (let j = 0; j < fam.parentCount(f); j++)
      role(fam.parentId(f, j), j >= 2 ? 'relative' : f % 5 === 0 ? 'guardian' : 'parent', school);
    if (out.full) yield out.take();
  }
  yield out.take();
}

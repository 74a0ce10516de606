/** users.csv (and roles.csv of OneRoster 1.2) for write-oneroster.ts: every person, as a SIS exports them. */
import type { District } from './district.ts';
import { pad, STAFF_PER_SCHOOL } from './layout.ts';
import { cell, FileOut, type ChunkStream } from './output.ts';

export const STAMP = 'active,2026-08-01T00:00:00.000Z';

const H = {
  users11:
    'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,' +
    'middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
  users12:
    'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,' +
    'email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,' +
    'preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns',
  roles:
    'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId',
};

const grade = (g: number) => (g === 0 ? 'KG' : pad(g, 2));

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

export function* users(d: District, version: '1.1' | '1.2'): ChunkStream {
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

export function* roles(d: District): ChunkStream {
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

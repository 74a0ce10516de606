/**
 * Which schools each person belongs to (rules.md §8), once every file is read:
 * teachers gain the schools of the classes that reference them; parents the schools of their
 * children (students already gained their classes' schools while enrollments streamed).
 */
import type { Roster } from '../model/roster.ts';
import { NO_TICK, TICK_EVERY, type Tick } from '../model/ticks.ts';

export function resolveSchools(roster: Roster, tick: Tick = NO_TICK): void {
  const people = roster.people;
  noteNamedOutside(roster);
  for (const c of roster.classes) {
    if (c.school < 0) continue;
    for (const refs of [c.teacherRefs, c.namedTeacherRefs]) {
      for (const id of refs) {
        const t = roster.findPerson(id);
        if (t >= 0 && people.role(t) === 'teacher') people.addSchool(t, c.school);
      }
    }
  }
  for (let p = 0; p < people.count; p++) {
    if ((p & TICK_EVERY) === 0) tick(p, people.count);
    if (people.role(p) !== 'parent') continue;
    for (let k = 0; k < people.studentCount(p); k++) {
      const s = people.student(p, k);
      for (let j = 0; j < people.schoolCount(s); j++) people.addSchool(p, people.school(s, j));
    }
  }
}

/**
 * A class only named by its row (no owner) whose named teacher's own rows are all in other schools: the
 * enrollment that would make them its owner would itself be left out (class-teacher says so). Done
 * before classes add their schools to their teachers, while a teacher's schools are still their own.
 */
function noteNamedOutside(roster: Roster): void {
  const people = roster.people;
  for (const c of roster.classes) {
    if (c.school < 0 || c.teacherRefs.length > 0 || c.namedTeacherRefs.length === 0) continue;
    for (const id of c.namedTeacherRefs) {
      const t = roster.findPerson(id);
      if (t < 0 || people.role(t) !== 'teacher') continue;
      const schools = people.schools(t);
      // No school of their own: such an enrollment is not left out (as enrollment-school judges it).
      if (schools.length > 0 && !schools.includes(c.school))
        c.namedOutside = [...c.namedOutside, { teacher: id, teacherSchools: schools }];
    }
  }
}

/**
 * Which schools each person belongs to (rules.md §8), once every file is read:
 * teachers gain the schools of the classes that reference them; parents the schools of their
 * children (students already gained their classes' schools while enrollments streamed).
 */
import type { Roster } from '../model/roster.ts';

export function resolveSchools(roster: Roster): void {
  for (const c of roster.classes) {
    if (c.school < 0) continue;
    for (const id of c.teacherRefs) {
      const p = roster.person(id);
      if (p && p.role === 'teacher') roster.addSchoolTo(p, c.school);
    }
  }
  for (const p of roster.people) {
    if (p.role !== 'parent') continue;
    for (const s of p.students) for (const school of roster.people[s].schools) roster.addSchoolTo(p, school);
  }
}

/**
 * Synthetic districts in any of the five formats, as a stream of ~64 KB chunks: see plan.ts for
 * what is in them and district.ts for how each record is made.
 */
import type { FormatId } from '../formats/types.ts';
import type { ChunkStream } from './output.ts';
import type { DistrictPlan } from './plan.ts';
import { cleverFiles } from './write-clever.ts';
import { oneRosterFiles } from './write-oneroster.ts';
import { remindCsv1Files } from './write-remind-1.ts';
import { remindCsv2Files } from './write-remind-2.ts';

export { planDistrict, type DistrictPlan, type DistrictCounts } from './plan.ts';
export type { GenerateOptions } from './layout.ts';
export type { Chunk, ChunkStream } from './output.ts';

const ONEROSTER = ['manifest.csv', 'orgs.csv', 'academicSessions.csv', 'courses.csv', 'users.csv'];
const ONEROSTER_REST = ['classes.csv', 'enrollments.csv', 'demographics.csv'];

/** The files each format's district is written as, in writing order. */
export const GENERATED_FILES: Record<FormatId, readonly string[]> = {
  clever: ['schools.csv', 'teachers.csv', 'staff.csv', 'students.csv', 'sections.csv', 'enrollments.csv'],
  'remind-csv-1.0': ['schools.csv', 'teachers.csv', 'students.csv', 'classes.csv', 'enrollments.csv'],
  'remind-csv-2.0': ['schools.csv', 'classes.csv', 'users.csv', 'school_enrollments.csv', 'enrollments.csv'],
  'oneroster-1.1': [...ONEROSTER, ...ONEROSTER_REST],
  'oneroster-1.2': [...ONEROSTER, 'roles.csv', ...ONEROSTER_REST],
};

export function generateDistrict(plan: DistrictPlan): ChunkStream {
  const d = plan.district;
  switch (d.format) {
    case 'clever':
      return cleverFiles(d);
    case 'remind-csv-1.0':
      return remindCsv1Files(d);
    case 'remind-csv-2.0':
      return remindCsv2Files(d);
    case 'oneroster-1.1':
      return oneRosterFiles(d, '1.1');
    case 'oneroster-1.2':
      return oneRosterFiles(d, '1.2');
  }
}

/** The whole district in memory, file by file (small districts only: tests and the page's sample). */
export function generateInMemory(plan: DistrictPlan): Map<string, string> {
  const files = new Map<string, string[]>();
  for (const chunk of generateDistrict(plan)) {
    const parts = files.get(chunk.file) ?? [];
    parts.push(chunk.text);
    files.set(chunk.file, parts);
  }
  return new Map([...files].map(([name, parts]) => [name, parts.join('')]));
}

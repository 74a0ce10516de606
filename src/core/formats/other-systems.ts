/**
 * Exports of systems Remind does not read, recognised by their file names and headers so the admin
 * is told what the files are instead of "not recognised", or worse, a OneRoster report full of
 * findings: Microsoft School Data Sync (its v2.1 CSV uses OneRoster's file names), Apple School
 * Manager, and the Google Admin console's user upload. Each signature needs headers no supported
 * format writes, so a real OneRoster, Clever or Remind export never matches (docs/other-formats.md).
 */
import type { Probe } from '../input/probe.ts';
import { headerFit } from './detect.ts';
import type { FormatAdapter } from './types.ts';

export interface OtherSystem {
  /** The system, as the admin knows it. */
  name: string;
  /** The files that gave it away (as given). */
  files: string[];
  /** What to do instead, after "Remind does not take that format". */
  advice: string;
}

interface Signature {
  name: string;
  /** The files (lower-case names) that match the system; enough of them make a match. */
  matches(probes: readonly Probe[]): Probe[];
  advice: string;
}

const has = (p: Probe, ...columns: string[]) => columns.every((c) => p.header?.includes(c) ?? false);
const named = (probes: readonly Probe[], names: readonly string[]) =>
  probes.filter((p) => !p.binary && names.includes(p.name));

/** SDS v1 ("classic") files; each has a "SIS ID" column. */
const SDS_CLASSIC = [
  'school.csv',
  'section.csv',
  'student.csv',
  'teacher.csv',
  'studentenrollment.csv',
  'teacherroster.csv',
];

/** SDS v2.1 files and the columns that only its layout has (OneRoster writes others). */
const SDS_V2: Record<string, string[]> = {
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'users.csv': ['sourcedId', 'username'],
  'roles.csv': ['userSourcedId', 'orgSourcedId', 'role'],
  'classes.csv': ['sourcedId', 'orgSourcedId', 'title'],
  'enrollments.csv': ['classSourcedId', 'userSourcedId', 'role'],
};

const ADVICE =
  'export the roster from the SIS in a format Remind takes (OneRoster 1.1 or 1.2 with its manifest.csv, ' +
  'Clever, or Remind CSV) and check those files';

const SIGNATURES: readonly Signature[] = [
  {
    name: 'Microsoft School Data Sync (SDS v1 CSV)',
    matches(probes) {
      const files = named(probes, SDS_CLASSIC);
      const sisId = files.some((p) => p.header?.some((h) => /^(school |section |)sis id$/i.test(h)));
      return files.length >= 2 || (files.length === 1 && sisId) ? files : [];
    },
    advice: ADVICE,
  },
  {
    name: 'Microsoft School Data Sync (SDS v2.1 CSV)',
    matches(probes) {
      // Real OneRoster always has a manifest.csv and status and dateLastModified columns; SDS v2.1 none.
      if (probes.some((p) => p.name === 'manifest.csv')) return [];
      const files = named(probes, Object.keys(SDS_V2));
      if (files.some((p) => has(p, 'status') || has(p, 'dateLastModified'))) return [];
      const fitting = files.filter((p) => has(p, ...SDS_V2[p.name]));
      return fitting.length >= 2 || (fitting.length === 1 && files.length === 1) ? fitting : [];
    },
    advice:
      'its files share OneRoster’s names but not its columns (no manifest.csv, no status or ' +
      'dateLastModified); ' +
      ADVICE,
  },
  {
    name: 'Apple School Manager',
    matches: (probes) =>
      probes.filter(
        (p) =>
          !p.binary &&
          ((p.name === 'locations.csv' && has(p, 'location_id', 'location_name')) ||
            (p.name === 'rosters.csv' && has(p, 'roster_id', 'class_id', 'student_id')) ||
            (['students.csv', 'staff.csv'].includes(p.name) && has(p, 'person_id', 'location_id')) ||
            (p.name === 'classes.csv' && has(p, 'class_id', 'location_id', 'instructor_id'))),
      ),
    advice: ADVICE,
  },
  {
    name: 'Google Admin console (user upload)',
    matches: (probes) =>
      probes.filter((p) => !p.binary && has(p, 'Email Address [Required]', 'First Name [Required]')),
    advice: ADVICE,
  },
];

/** How many given files fit a format of ours (a header with half its required columns or more). */
function fittingFiles(adapter: FormatAdapter, probes: readonly Probe[]): number {
  let n = 0;
  for (const spec of adapter.files) {
    const probe = probes.find((p) => p.name === spec.name && !p.binary);
    if (
      probe &&
      spec.columns.some((c) => c.required) &&
      headerFit(spec, probe.header, adapter.headerCase) >= 0.5
    )
      n++;
  }
  return n;
}

/**
 * The other system these files come from, or null. It wins over the detected format of ours only
 * when more of the files are its own than fit ours: a stray Google user list beside a Clever export
 * is just an extra file.
 */
export function otherSystem(probes: readonly Probe[], detected: FormatAdapter | null): OtherSystem | null {
  let best: { signature: Signature; files: Probe[] } | null = null;
  for (const signature of SIGNATURES) {
    const files = signature.matches(probes);
    if (files.length > (best?.files.length ?? 0)) best = { signature, files };
  }
  if (!best) return null;
  if (detected && fittingFiles(detected, probes) > best.files.length) return null;
  return {
    name: best.signature.name,
    files: best.files.map((p) => p.source.path),
    advice: best.signature.advice,
  };
}

export function otherSystemMessage(other: OtherSystem): string {
  return (
    `These are ${other.name} files (${other.files.join(', ')}), not a roster format of Remind's sync. ` +
    `Remind does not take that format: ${other.advice}.`
  );
}

/** What the report page says about its run and the run before it (HistoryState.note). */
import type { Changes } from '../../core/report/changes.ts';
import type { DistrictChoice } from '../../storage/district.ts';
import type { Finding } from '../../shared/report-types.ts';
import type { UnlistedBecause } from './stored-changes.ts';

export type SaveStatus =
  { kind: 'saving' } | { kind: 'saved'; run: number } | { kind: 'not-saved'; message: string };

/** What the report page says about its run and the run before it. */
export interface RunNote {
  save: SaveStatus;
  /** The previous run of the district, when there is one. */
  sinceAt: string | null;
  /** Null when not known: no earlier run, or see unknownBecause. */
  changes: Changes | null;
  /** Why the changes since `sinceAt` are not known (when they are not). */
  unknownBecause?: 'counts-only' | 'unreadable';
  /** Why this run is compared with no earlier run although the district has some. */
  notCompared?: 'no-schools';
  /** The run names no school and the admin said it is of this district (its label). */
  namedDistrict?: string;
  /** The run names no school: the admin may say which district it is of. */
  naming?: DistrictNaming;
  /** The admin forced the format: compared only with runs forced to the same format. */
  formatForced?: boolean;
  /** A run of the sample district: compared with its made-up earlier export, not the history. */
  sample?: boolean;
  /** schoolKey → changes; null when not known. */
  schools: Record<string, Changes> | null;
  /** The new and resolved findings themselves (a stored run's are computed again from what was kept). */
  lists?: { new: Finding[]; resolved: Finding[] } | null;
  /** A stored run: its lists are being made, or why they cannot be. */
  listsUnknown?: 'loading' | UnlistedBecause;
}

/** Naming the district of the run just checked, whose files name no school. */
export interface DistrictNaming {
  /** The districts it may be of (the sample district's left out). */
  districts: { id: string; label: string }[];
  /** Chosen at first: the run's district once named, else the one named for the last such run. */
  selected: string | null;
  /** Compares the run with that district's runs; the problem in words, or null. */
  name: (choice: DistrictChoice) => Promise<string | null>;
}

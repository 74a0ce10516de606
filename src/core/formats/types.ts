/**
 * What a format adapter declares and what the engine hands it. Adapters translate rows into the
 * canonical roster and say which cells identify or reference records; they never judge. The
 * engine turns those declarations into formatting findings (stage 1).
 */
import type { Tick } from '../model/ticks.ts';
import type { Roster } from '../model/roster.ts';

export type FormatId = 'remind-csv-1.0' | 'remind-csv-2.0' | 'oneroster-1.1' | 'oneroster-1.2' | 'clever';

/** Kinds of records that cells identify or reference. */
export type RecordKind = 'school' | 'org' | 'person' | 'class' | 'course' | 'session';

export interface ColumnSpec {
  name: string;
  /** Absent from the header → `header-missing`. */
  required?: boolean;
}

export interface FileSpec {
  /** Name as the format writes it, e.g. "academicSessions.csv" (matched case-insensitively). */
  name: string;
  /** `yes`: absent → blocking `file-missing`; `soft`: absent → non-blocking `file-missing`; `no`: optional. */
  required: 'yes' | 'soft' | 'no';
  /** What one row describes, for findings ("teacher", "user", "enrollment"…). */
  entity: string;
  columns: ColumnSpec[];
  /** The record kind this file defines and the column holding its ID. */
  defines?: { kinds: RecordKind[]; column: string };
  /**
   * Columns holding school or class names (checked by `name-too-long`); with `when`, only in rows
   * whose `when.column` cell is `when.value` (OneRoster orgs: only `school` rows are schools).
   */
  names?: { column: string; kind: 'school' | 'class'; when?: { column: string; value: string } }[];
}

/** One data row, as the adapter sees it. */
export interface RowContext {
  readonly file: number;
  readonly row: number;
  /** The trimmed cell, '' when empty or when the header lacks the column. */
  get(column: string): string;
  /** Whether the trimmed cell, lower-cased, is `lowerCase` (compared without building a string). */
  is(column: string, lowerCase: string): boolean;
  /** An identifying cell: empty → `id-missing` and null. */
  id(column: string): string | null;
  /** The same check for an ID that is not used further: whether it is there (no string is made). */
  hasId(column: string): boolean;
  /**
   * A reference to a record of `kind`: empty → `id-missing` (unless `optional`) and null;
   * an ID no file defines → `ref-unknown` (still returned). `value` overrides the cell (list items).
   */
  ref(kind: RecordKind, column: string, options?: RefOptions): string | null;
  /**
   * The same reference, resolved: the index of the school (kinds school and org), person or class
   * in the roster, or -1 (empty, unknown, removed, an org that is not a school, or not read yet).
   */
  refIndex(kind: 'school' | 'org' | 'person' | 'class', column: string, options?: RefOptions): number;
  /** A second definition of an ID the format allows once (`id-duplicate`; the first one is kept). */
  duplicate(column: string, id: string, first: { file: number; row: number }): void;
  /** An ID that exists but whose record is removed (OneRoster `tobedeleted`): references to it are fine. */
  removed(kind: RecordKind, id: string): void;
  /** Registers an ID of a reference-only kind (courses, sessions, non-school orgs). */
  /** `label` says what the record is for messages about it (an org's `type`, when it is not a school). */
  define(kind: RecordKind, id: string, label?: string): boolean;
  /** An enrollment the format leaves out because of its school (`enrollment-school`); `why` says how. */
  enrollmentSchool(column: string, why: string): void;
  /**
   * A repeat row of `person`, whose first row had `first` in `column`: another value here is
   * `record-conflict` (the first row's value is kept). `ignoreCase` compares as emails are.
   */
  repeated(column: string, person: number, first: string, ignoreCase?: boolean): void;
  /** The manifest marks `file` (a file of the format) as a delta export (`delta-export`). */
  delta(column: string, file: string): void;
  /**
   * The cell names a property of the format, one of `known` (all it defines). A name that is none
   * of them but probably meant one the file lacks is `header-missing` (reason `manifest-property`).
   */
  property(column: string, known: readonly string[]): void;
}

export interface RefOptions {
  /** An empty cell is fine (no `id-missing`). */
  optional?: boolean;
  /** The ID to check instead of the cell's (one item of a list cell). */
  value?: string;
}

export interface AdapterContext {
  readonly roster: Roster;
}

export interface FormatReader {
  /** Row handlers by canonical file name. */
  rows: Record<string, (row: RowContext) => void>;
  /** After every file: resolve what needed all files (links, guardian IDs); `tick` says how far it is. */
  finish(tick?: Tick): void;
}

export interface FormatAdapter {
  id: FormatId;
  label: string;
  /** The layout is our reconstruction, not checked against the official templates. */
  reconstructed: boolean;
  headerCase: 'exact' | 'insensitive';
  /** Every file the format knows, in reading order (definitions before references). */
  files: FileSpec[];
  /** Other file names (lower case) that belong to the format but are not read: not reported as ignored. */
  knownExtraFiles?: string[];
  /** Files the format allows to be completely empty, without even a header. */
  mayBeEmpty?: string[];
  read(ctx: AdapterContext): FormatReader;
}

/** Findings as the engine collects them: compact, materialised into report objects on demand. */
export type Severity = 'formatting' | 'error' | 'alert' | 'hold';

export const SEVERITY_ORDER: Record<Severity, number> = { formatting: 0, error: 1, alert: 2, hold: 3 };

/** What a finding is about: a person, a class, or a row of a file (stage 1). */
export type Subject = 'person' | 'class' | 'row' | 'district';

export interface RawFinding {
  code: string;
  reason: string | null;
  subject: Subject;
  /** Index into roster.people / roster.classes, or -1. */
  index: number;
  /** Index into roster.files, or -1. */
  file: number;
  /** A file that is not among the inputs (the one `file-missing` misses). */
  fileName: string | null;
  row: number | null;
  /** The record ID for row findings (people and classes take theirs from the roster). */
  id: string | null;
  /** What the row describes (row findings). */
  entity: string | null;
  field: string | null;
  value: string | null;
  otherId: string | null;
  /** Extra words for the message: the missing columns, the expected cell count… */
  detail: string | null;
  /** Set only on a finding that spreadsheet damage explains (rare, so most findings lack the key). */
  because?: RawCause;
  /**
   * The ID a row left out as malformed would have defined (row-columns, cell-too-long), set on those
   * rare findings only: it ties a class's unknown teacher to the row (report/causes), not shown.
   */
  leftOutId?: string | null;
}

/** The damage a finding comes from: the `spreadsheet-damage` finding of `file` (and `field`) with `reason`. */
export interface RawCause {
  reason: string;
  /** Index into roster.files of the damaged file. */
  file: number;
  field: string | null;
  /** The form the other side has (`000123` for `123`), when the damage is a mismatch. */
  other: string | null;
  /** The damage is in the defining file, not in the finding's own row. */
  definition: boolean;
}

/** The link a finding carries in the report: which `spreadsheet-damage` finding explains it. */
export interface DamageLink {
  code: 'spreadsheet-damage';
  reason: string;
  file: string;
  field: string | null;
}

export function rawFinding(code: string, subject: Subject, fields: Partial<RawFinding> = {}): RawFinding {
  const finding: RawFinding = {
    code,
    reason: fields.reason ?? null,
    subject,
    index: fields.index ?? -1,
    file: fields.file ?? -1,
    fileName: fields.fileName ?? null,
    row: fields.row ?? null,
    id: fields.id ?? null,
    entity: fields.entity ?? null,
    field: fields.field ?? null,
    value: fields.value ?? null,
    otherId: fields.otherId ?? null,
    detail: fields.detail ?? null,
  };
  if (fields.because) finding.because = fields.because;
  if (fields.leftOutId) finding.leftOutId = fields.leftOutId;
  return finding;
}

/** A finding as report.md shows it. */
export interface Finding {
  severity: Severity;
  code: string;
  reason: string | null;
  entity: string;
  id: string | null;
  name: string | null;
  schools: (string | null)[];
  file: string | null;
  row: number | null;
  field: string | null;
  value: string | null;
  otherId: string | null;
  message: string;
  fix: string;
  /** Only on findings caused by spreadsheet damage (our addition to report.md's keys). */
  because?: DamageLink;
  /** Only in a report made with acknowledgements (`--acknowledged`): the admin knows of it. */
  acknowledged?: true;
}

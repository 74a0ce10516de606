/**
 * The CSV downloads (report.md): one row per finding and school, the columns of Remind's own
 * exports, UTF-8 with a byte-order mark so Excel reads accents right, and every cell that a
 * spreadsheet would run as a formula neutralised with a leading apostrophe.
 */
export const CSV_COLUMNS = [
  'school_id',
  'school_name',
  'severity',
  'code',
  'reason',
  'role',
  'source_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'dob',
  'class_id',
  'class_name',
  'file',
  'row',
  'problem',
  'how_to_fix',
  // Not in report.md's list: Remind's own name for the type, so the admin can match its dashboard.
  // Last, so the spec's columns keep their places (docs/decisions.md).
  'remind_name',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises formula injection, then quotes as RFC 4180 requires. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: CsvRow): string {
  return CSV_COLUMNS.map((c) => csvCell(row[c])).join(',') + '\r\n';
}

export const CSV_BOM = '\uFEFF';
export const CSV_HEADER = CSV_BOM + CSV_COLUMNS.join(',') + '\r\n';

/** The whole file as pieces (for a Blob or a write stream), never one giant string. */
export function* csvPieces(rows: Iterable<CsvRow>): Generator<string> {
  yield CSV_HEADER;
  let batch = '';
  for (const row of rows) {
    batch += csvLine(row);
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** A safe file name piece for a school or code ("North High" → "North-High"). */
export function fileSlug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'file';
}

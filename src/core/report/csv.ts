/**
 * The CSV downloads (report.md): one row per finding and school, the columns of Remind's own
 * exports, UTF-8 with a byte-order mark so Excel reads accents right, and every cell that a
 * spreadsheet would run as a formula neutralised with a leading apostrophe.
 */
import { halfSipHash, hexOf } from '../snapshot/id-hash.ts';

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
  // Also ours: "yes" on a finding the admin acknowledged (known, cannot be fixed in the SIS; the page's
  // acknowledgements or --acknowledged), empty otherwise.
  'acknowledged',
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

/** Text made safe for a file name, for names that need not be unique ("North High" → "North-High"). */
export function fileSlug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'file';
}

/**
 * The part of a download's name that stands for one school: its ID made readable, then a short
 * hash of the exact ID, so that no two schools share a file ("a b", "a/b" and "a-b" are all "a-b"
 * once readable; "学校" and "школа" nothing at all). "North High" → "North-High-<12 hex digits>".
 */
export function schoolSlug(id: string): string {
  const readable = id
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const bytes = new TextEncoder().encode(id);
  const [a, b] = halfSipHash(0, 0, bytes, bytes.length, 2);
  const hash = hexOf(a, b).slice(0, 12);
  return readable ? `${readable}-${hash}` : hash;
}

/**
 * The name of a CSV download, the same on the page and from `--csv-dir`: "district-all.csv",
 * "district-row-columns.csv", "school-<slug>-teacher-email.csv", "no-school-all.csv" (the findings of
 * no school; a school whose ID is "no-school" is "school-no-school-<hash>-…").
 */
export function csvFileName(filter: { school?: string | null; code?: string }): string {
  const scope =
    filter.school === undefined
      ? 'district'
      : filter.school === null
        ? 'no-school'
        : `school-${schoolSlug(filter.school)}`;
  return `${scope}-${filter.code ?? 'all'}.csv`;
}

/**
 * Whether a file name is one csvFileName or causeFileName makes: `--csv-dir` removes these (and only
 * these) before writing, so that a folder reused from run to run holds one run's files.
 */
export function isCsvDownloadName(name: string): boolean {
  return /^(?:district|no-school|school|fix-\d+)-.+\.csv$/.test(name);
}

/** "fix-2-teacher-email-missing.csv": the records of the fix plan's second cause. */
export function causeFileName(index: number, cause: { code: string; reason: string | null }): string {
  return `fix-${index + 1}-${cause.code}${cause.reason ? '-' + fileSlug(cause.reason) : ''}.csv`;
}

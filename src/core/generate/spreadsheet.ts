/**
 * What a spreadsheet does to a district's files when one of them is opened and saved again: the
 * damage of each `spreadsheet-damage` reason, planted in a known column of a generated district
 * (every third data row that holds a value), for tests and demonstrations. Works on the district
 * in memory (small districts) and on well-formed files (generate them with `rate: 0`).
 */
import type { FormatId } from '../formats/types.ts';
import { cell } from './output.ts';

export type DamageKind =
  | 'lost-leading-zeros'
  | 'scientific-notation'
  | 'decimal-id'
  | 'date-from-number'
  | 'formula-error'
  | 'mojibake';

interface Target {
  file: string;
  column: string;
}

const ONEROSTER_IDS: Target[] = [
  { file: 'users.csv', column: 'sourcedId' },
  { file: 'users.csv', column: 'agentSourcedIds' },
  { file: 'enrollments.csv', column: 'userSourcedId' },
  { file: 'demographics.csv', column: 'sourcedId' },
  { file: 'roles.csv', column: 'userSourcedId' },
];
const ONEROSTER_TARGETS: Record<DamageKind, Target> = {
  'lost-leading-zeros': { file: 'enrollments.csv', column: 'userSourcedId' },
  'decimal-id': { file: 'enrollments.csv', column: 'userSourcedId' },
  'scientific-notation': { file: 'users.csv', column: 'phone' },
  'date-from-number': { file: 'users.csv', column: 'grades' },
  'formula-error': { file: 'demographics.csv', column: 'birthDate' },
  mojibake: { file: 'users.csv', column: 'givenName' },
};

/** Per format: the columns holding student IDs (padded with zeros everywhere first), and where each damage goes. */
export const DAMAGE_TARGETS: Record<
  FormatId,
  { ids: Target[]; damage: Partial<Record<DamageKind, Target>> }
> = {
  'remind-csv-1.0': {
    ids: [
      { file: 'students.csv', column: 'student_id' },
      { file: 'enrollments.csv', column: 'user_id' },
    ],
    damage: {
      'lost-leading-zeros': { file: 'enrollments.csv', column: 'user_id' },
      'decimal-id': { file: 'enrollments.csv', column: 'user_id' },
      'scientific-notation': { file: 'students.csv', column: 'guardian_phone' },
      'date-from-number': { file: 'students.csv', column: 'grade' },
      'formula-error': { file: 'students.csv', column: 'dob' },
      mojibake: { file: 'students.csv', column: 'student_first_name' },
    },
  },
  'remind-csv-2.0': {
    ids: [
      { file: 'users.csv', column: 'user_id' },
      { file: 'users.csv', column: 'student_ids' },
      { file: 'enrollments.csv', column: 'user_id' },
      { file: 'school_enrollments.csv', column: 'user_id' },
    ],
    // No column of Remind CSV 2.0 holds a small number, so no date-from-number.
    damage: {
      'lost-leading-zeros': { file: 'enrollments.csv', column: 'user_id' },
      'decimal-id': { file: 'enrollments.csv', column: 'user_id' },
      'scientific-notation': { file: 'users.csv', column: 'phone' },
      'formula-error': { file: 'users.csv', column: 'dob' },
      mojibake: { file: 'users.csv', column: 'first_name' },
    },
  },
  'oneroster-1.1': { ids: ONEROSTER_IDS, damage: ONEROSTER_TARGETS },
  'oneroster-1.2': { ids: ONEROSTER_IDS, damage: ONEROSTER_TARGETS },
  clever: {
    ids: [
      { file: 'students.csv', column: 'Student_id' },
      { file: 'enrollments.csv', column: 'Student_id' },
    ],
    damage: {
      'lost-leading-zeros': { file: 'enrollments.csv', column: 'Student_id' },
      'decimal-id': { file: 'enrollments.csv', column: 'Student_id' },
      'scientific-notation': { file: 'students.csv', column: 'Contact_phone' },
      'date-from-number': { file: 'students.csv', column: 'Grade' },
      'formula-error': { file: 'students.csv', column: 'DOB' },
      mojibake: { file: 'students.csv', column: 'First_name' },
    },
  },
};

export interface PlantedDamage {
  reason: DamageKind;
  file: string;
  column: string;
  /** Spreadsheet rows (header = 1) whose cell was changed. */
  rows: number[];
}

const ACCENTED = ['José', 'María', 'Nicolás', 'Zoë', 'Iñaki', 'Øyvind', 'Renée', 'Ángel'];
const DATES = ['5-Jan', 'Jan-05', '12-Sep'];
const FORMULA_ERRORS = ['#N/A', '#REF!', '#VALUE!'];

/** UTF-8 text read as Windows-1252 (what saving it again writes). */
export function mojibake(text: string): string {
  const c1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return [...new TextEncoder().encode(text)]
    .map((b) => (b >= 0x80 && b < 0xa0 ? c1[b - 0x80] : String.fromCharCode(b)))
    .join('');
}

/** Excel's General format for a long number: 6 significant digits, `E+` and a two-digit exponent. */
export function scientific(digits: string): string {
  const [mantissa, exponent] = Number(digits).toExponential(5).split('e');
  const m = mantissa.replace(/\.?0+$/, '');
  return `${m}E+${exponent.replace('+', '').padStart(2, '0')}`;
}

/** Every student ID written with two leading zeros, in every file (IDs that legitimately have zeros). */
export function padStudentIds(files: Map<string, string>, format: FormatId): Map<string, string> {
  const out = new Map(files);
  for (const t of DAMAGE_TARGETS[format].ids) {
    const text = out.get(t.file);
    if (text === undefined) continue;
    out.set(
      t.file,
      mapColumn(text, t.column, (v) =>
        v
          .split(',')
          .map((id) => (/^\d+$/.test(id) ? '00' + id : id))
          .join(','),
      ).text,
    );
  }
  return out;
}

/**
 * The district after a spreadsheet did `reason` to one column. `correct` writes the same cells as
 * they should be instead (accented names as such): the clean twin of the damaged district.
 */
export function damageDistrict(
  files: Map<string, string>,
  format: FormatId,
  reason: DamageKind,
  correct = false,
): { files: Map<string, string>; planted: PlantedDamage | null } {
  const target = DAMAGE_TARGETS[format].damage[reason];
  const base = reason === 'lost-leading-zeros' ? padStudentIds(files, format) : new Map(files);
  const text = target && base.get(target.file);
  if (!target || text === undefined) return { files: base, planted: null };
  let k = 0;
  const change = (v: string, row: number): string | null => {
    if (row % 3 !== 0 || v === '') return null;
    switch (reason) {
      case 'lost-leading-zeros':
        return /^0+\d+$/.test(v) && !correct ? v.replace(/^0+/, '') : null;
      case 'decimal-id':
        return /^\d+$/.test(v) && !correct ? v + '.0' : null;
      case 'scientific-notation': {
        const digits = v.replace(/\D/g, '');
        return digits.length >= 10 && !correct ? scientific(digits) : null;
      }
      case 'date-from-number':
        return correct ? null : DATES[k++ % DATES.length];
      case 'formula-error':
        return correct ? null : FORMULA_ERRORS[k++ % FORMULA_ERRORS.length];
      case 'mojibake': {
        const name = ACCENTED[k++ % ACCENTED.length];
        return correct ? name : mojibake(name);
      }
    }
  };
  const { text: damaged, rows } = mapColumn(text, target.column, change);
  base.set(target.file, damaged);
  return { files: base, planted: correct ? null : { reason, ...target, rows } };
}

/** Rewrites one column of a well-formed CSV text; returns the rows changed. */
function mapColumn(
  text: string,
  column: string,
  change: (value: string, row: number) => string | null,
): { text: string; rows: number[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const header = splitLine(lines[0]);
  const at = header.indexOf(column);
  const rows: number[] = [];
  if (at < 0) return { text, rows };
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = splitLine(lines[i]);
    const next = change(cells[at] ?? '', i + 1);
    if (next === null || next === cells[at]) continue;
    cells[at] = next;
    lines[i] = cells.map(cell).join(',');
    rows.push(i + 1);
  }
  return { text: lines.join(eol), rows };
}

/** The cells of one line without line breaks in cells (what the generator writes at rate 0). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) throw new Error(`unterminated quote in ${line}`);
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      cells.push(value);
      i = j + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
}

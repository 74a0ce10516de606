/**
 * Values a spreadsheet rewrote when the file was opened and saved again. The engine finds them
 * (engine/damage.ts) with the judgements below: which cell values are damage, and what to say
 * about them and about the findings they cause.
 */
import type { FormattingRule } from '../rule.ts';

export const DAMAGE_REASONS = [
  'lost-leading-zeros',
  'scientific-notation',
  'decimal-id',
  'date-from-number',
  'formula-error',
  'mojibake',
] as const;
export type DamageReason = (typeof DAMAGE_REASONS)[number];

const FORMULA_ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#NAME?', '#DIV/0!', '#NULL!', '#NUM!']);
/** Excel's General format: `1.23457E+11`, `2.12235E+09`, `1E+12` (mantissa digits, two-digit exponent). */
const SCIENTIFIC = /^-?\d(?:\.\d+)?E\+\d\d\d?$/;
const MONTHS = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** A small number or range (`1-5`, `12-9`) shown as a day and month without a year: `5-Jan`, `Jan-05`. */
const DATE_FROM_NUMBER = new RegExp(`^(?:\\d{1,2}-${MONTHS}|${MONTHS}-\\d\\d)$`);
/**
 * UTF-8 bytes of a character read as Windows-1252: a lead byte C2/C3 shown as `Â`/`Ã` followed by
 * what Windows-1252 shows for a continuation byte (0x80–0xBF), or E2 80 shown as `â€`.
 */
const MOJIBAKE =
  /Ã[\u00a0-\u00bf\u0081\u008d\u008f\u0090\u009d\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|Â[\u00a0-\u00bf]|â€/;
/** Windows-1252 characters of bytes 0x80–0x9F, to undo mojibake for the example. */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The damage a single cell shows by itself (the other reasons need a defined ID to compare with). */
export function cellDamage(value: string): DamageReason | null {
  const c = value.charCodeAt(0);
  if (c === 35) return FORMULA_ERRORS.has(value.toUpperCase()) ? 'formula-error' : null;
  if (value.length >= 5 && value.charCodeAt(value.length - 3) === 43 && SCIENTIFIC.test(value))
    return 'scientific-notation';
  if ((value.length === 5 || value.length === 6) && DATE_FROM_NUMBER.test(value)) return 'date-from-number';
  return null;
}

export function isMojibake(value: string): boolean {
  return MOJIBAKE.test(value);
}

/** What the text said before it was decoded as Windows-1252 (null when it does not undo cleanly). */
export function undoMojibake(value: string): string | null {
  const bytes: number[] = [];
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const c1 = C1.indexOf(ch);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (c1 >= 0) bytes.push(0x80 + c1);
    else return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** A damage finding's facts, as the engine counts them; turned into the finding's `detail`. */
export interface DamageCount {
  reason: DamageReason;
  /** Cells (or references) counted. */
  count: number;
  /** The first rows, in file order, and whether there are more. */
  rows: readonly number[];
  moreRows: boolean;
  /** The first damaged value, and what it stands for when known (`000123` for `123`). */
  example: string;
  original: string | null;
  /** For mojibake, the column of the example. */
  column: string | null;
  /** Where the damage was seen from: the defining file lacks the form other files reference. */
  definition: boolean;
  /** The referencing file and row of the example (definition side). */
  seenIn: string | null;
}

const plural = (n: number, one: string, many = one + 's') =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const code = (s: string) => `\`${s}\``;

export function damageDetail(d: DamageCount): string {
  const rows = `${d.rows.length > 1 ? 'rows' : 'row'} ${d.rows.join(', ')}${d.moreRows ? '…' : ''}`;
  const ex = `row ${d.rows[0]}: ${code(d.example)}`;
  switch (d.reason) {
    case 'lost-leading-zeros':
    case 'decimal-id': {
      const what = d.reason === 'decimal-id' ? 'gained ".0"' : 'lost their leading zeros';
      if (!d.definition)
        return `${plural(d.count, 'reference')} ${d.reason === 'decimal-id' ? 'gained ".0"' : what}, e.g. ${ex} for ${code(d.original ?? '')} (${rows})`;
      return (
        `IDs here ${d.reason === 'decimal-id' ? 'gained ".0"' : 'lost their leading zeros'}: ` +
        `${plural(d.count, 'reference')} in other files do not match, e.g. ${ex} where ${d.seenIn} has ${code(d.original ?? '')} (${rows})`
      );
    }
    case 'scientific-notation':
      return `${plural(d.count, 'cell')} in scientific notation, e.g. ${ex} (${rows}); the original digits are gone`;
    case 'date-from-number':
      return `${plural(d.count, 'cell')} turned into dates, e.g. ${ex} (${rows}), probably a number or range such as a grade`;
    case 'formula-error':
      return `${plural(d.count, 'cell')} ${d.count === 1 ? 'holds' : 'hold'} a spreadsheet formula error, e.g. ${ex} (${rows})`;
    case 'mojibake': {
      const was = d.original ? ` (was ${code(d.original)})` : '';
      return `${plural(d.count, 'cell')} of UTF-8 text read as Windows-1252 and saved again, e.g. ${ex}${was} in ${d.column} (${rows})`;
    }
  }
}

/** What a finding caused by damage adds to its message. */
export function damageNote(
  reason: string,
  value: string | null,
  other: string | null,
  definer: string | null,
): string {
  const v = code(value ?? '');
  switch (reason) {
    case 'lost-leading-zeros':
      return definer
        ? `Probably Excel: ${definer} has it as ${code(other ?? '')}, without its leading zeros.`
        : `Probably Excel: the file that defines it has ${code(other ?? '')}.`;
    case 'decimal-id':
      return definer
        ? `Probably Excel: ${definer} has it as ${code(other ?? '')}.`
        : `Probably Excel: the file that defines it has ${code(other ?? '')}.`;
    case 'scientific-notation':
      return `Probably Excel: ${v} is a long number shown in scientific notation; its original digits are gone.`;
    case 'date-from-number':
      return `Probably Excel: ${v} is a number a spreadsheet turned into a date.`;
    case 'formula-error':
      return `Probably Excel: ${v} is a spreadsheet formula error saved as text.`;
    default:
      return 'Probably Excel: a spreadsheet changed this value.';
  }
}

const REEXPORT =
  'Export the file again from the SIS and upload it without opening it in a spreadsheet. If it must be ' +
  'edited, import it with every column as text: in Excel, Data → From Text/CSV → Transform Data, select all ' +
  'columns and set Data Type to Text (or choose "Text" for every column in the Text Import Wizard); in ' +
  'Google Sheets, set the cells to Format → Number → Plain text before importing, and untick "Convert text ' +
  'to numbers, dates, and formulas". Save as "CSV UTF-8".';

export const spreadsheetDamage: FormattingRule = {
  code: 'spreadsheet-damage',
  severity: 'formatting',
  title: 'Values a spreadsheet changed',
  explanation:
    'The file was opened and saved in a spreadsheet such as Excel, which rewrote some values: IDs lost their ' +
    'leading zeros or gained ".0", long numbers became scientific notation, small numbers became dates, ' +
    'formula errors were saved as text, or accented letters were garbled. Remind reads the values as they ' +
    'are, so links break and contacts are lost. This does not block the sync by itself; the findings it causes say so.',
  fix: {
    'decimal-id': `${REEXPORT} The IDs cannot be trusted from this file: take them from the SIS.`,
    'date-from-number': `${REEXPORT} The original values cannot be read back from the dates: take them from the SIS.`,
    'lost-leading-zeros': `${REEXPORT} The zeros cannot be put back reliably from this file: re-export it.`,
    'scientific-notation': `${REEXPORT} The original digits are gone from this file (Excel kept only 6 significant digits): re-export it.`,
    'formula-error':
      'These cells held a formula whose result was an error. Re-export the file from the SIS, or replace each ' +
      'formula with its value before saving as CSV. ' +
      REEXPORT,
    mojibake:
      'The file was UTF-8 but was opened as Windows-1252 and saved again, so each accented letter became two ' +
      'or three characters. Re-export the file from the SIS; if it must be edited, in Excel use Data → From ' +
      'Text/CSV with File Origin "65001: Unicode (UTF-8)", and save as "CSV UTF-8".',
  },
  blocks: () => false,
  message: (f) => `${f.file}${f.field ? ' ' + f.field : ''}: ${f.detail}.`,
};

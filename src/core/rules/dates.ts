/** Birth dates as rules.md §5 accepts them. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar day of validation, in the local time zone of whoever runs the check. */
export function calendarDate(d: Date): CalendarDate {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export type DobVerdict = 'ok' | 'missing' | 'invalid' | 'two-digit-year';

/**
 * The accepted layouts, read character by character (every student's date is checked):
 *   M/D/YYYY or MM/DD/YYYY   /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
 *   YYYY-MM-DD or YYYY/MM/DD  /^(\d{4})([-/])(\d{2})\2(\d{2})$/
 *   M/D/YY (two-digit year)   /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/
 * `dates.test.ts` compares them with these regular expressions on random text.
 */
const SLASH = 47;
const DASH = 45;

/** The number made of the ASCII digits of `text` from `start` for `n` characters, or -1. */
function digitsAt(text: string, start: number, n: number): number {
  let value = 0;
  for (let i = start; i < start + n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Reads "a/b/c" with a and b of 1–2 digits: sets `slashParts` and returns the length of c, or -1. */
function slashDate(text: string): number {
  const first = text.indexOf('/');
  if (first < 1 || first > 2) return -1;
  const second = text.indexOf('/', first + 1);
  if (second < first + 2 || second > first + 3) return -1;
  const a = digitsAt(text, 0, first);
  const b = digitsAt(text, first + 1, second - first - 1);
  const c = digitsAt(text, second + 1, text.length - second - 1);
  if (a < 0 || b < 0 || c < 0) return -1;
  slashParts[0] = a;
  slashParts[1] = b;
  slashParts[2] = c;
  return text.length - second - 1;
}
const slashParts = [0, 0, 0];

function daysIn(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1];
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Parses an accepted layout into year × 10 000 + month × 100 + day, or -1. */
function parsePacked(raw: string): number {
  if (slashDate(raw) === 4) return slashParts[2] * 10000 + slashParts[0] * 100 + slashParts[1];
  if (raw.length !== 10) return -1;
  const sep = raw.charCodeAt(4);
  if ((sep !== DASH && sep !== SLASH) || raw.charCodeAt(7) !== sep) return -1;
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 2);
  const day = digitsAt(raw, 8, 2);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10000 + month * 100 + day;
}

/** Parses an accepted layout into a date, or null. */
export function parseDob(raw: string): CalendarDate | null {
  const packed = parsePacked(raw);
  if (packed < 0) return null;
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

export function checkDob(raw: string | null, today: CalendarDate): DobVerdict {
  const text = (raw ?? '').trim();
  if (text === '') return 'missing';
  const packed = parsePacked(text);
  if (packed < 0) {
    // "1/5/12": a real month and day with a two-digit year. "13/45/12" is simply invalid.
    if (slashDate(text) === 2) {
      const [month, day] = slashParts;
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return 'two-digit-year';
    }
    return 'invalid';
  }
  const year = Math.floor(packed / 10000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return 'invalid';
  if (year < 1900 || compare({ year, month, day }, today) > 0) return 'invalid';
  return 'ok';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why `checkDob` calls a date 'invalid', as the end of a sentence about it (rules.md §5 names four
 * causes: not in an accepted layout, no such day, in the future, before 1900). Only asked of dates
 * `checkDob` judged invalid; for any other it still names the first cause that applies.
 */
export function invalidDobCause(raw: string, today: CalendarDate): string {
  const text = raw.trim();
  const packed = parsePacked(text);
  if (packed < 0) return 'is not in an accepted layout (MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD or YYYY-MM-DD)';
  const year = Math.floor(packed / 10000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  // The slash layout with the year last is read month first, as the article's MM/DD/YYYY says.
  const readAs = text.length - text.lastIndexOf('/') === 5 ? ' (read as MM/DD/YYYY)' : '';
  if (month < 1 || month > 12) return `is no real date: there is no month ${month}${readAs}`;
  if (day < 1 || day > daysIn(year, month))
    return `is no real date: ${MONTHS[month - 1]} ${year} has no day ${day}${readAs}`;
  if (year < 1900) return 'is before 1900';
  if (compare({ year, month, day }, today) > 0) return 'is in the future';
  return 'is not a valid date';
}

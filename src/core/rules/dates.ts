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

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
const TWO_DIGIT = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;

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

/** Parses an accepted layout into a date, or null. */
export function parseDob(raw: string): CalendarDate | null {
  let m = US.exec(raw);
  if (m) return { year: +m[3], month: +m[1], day: +m[2] };
  m = ISO.exec(raw);
  if (m) return { year: +m[1], month: +m[3], day: +m[4] };
  return null;
}

export function checkDob(raw: string | null, today: CalendarDate): DobVerdict {
  const text = (raw ?? '').trim();
  if (text === '') return 'missing';
  const date = parseDob(text);
  if (!date) {
    const short = TWO_DIGIT.exec(text);
    // "1/5/12": a real month and day with a two-digit year. "13/45/12" is simply invalid.
    if (short && +short[1] >= 1 && +short[1] <= 12 && +short[2] >= 1 && +short[2] <= 31)
      return 'two-digit-year';
    return 'invalid';
  }
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysIn(date.year, date.month))
    return 'invalid';
  if (date.year < 1900 || compare(date, today) > 0) return 'invalid';
  return 'ok';
}

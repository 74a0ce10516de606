/**
 * Times as the history writes them: "28 Nov 10:02", with the year when it is not this year, and
 * with seconds ("28 Nov 10:02:41") when asked (two runs in the same minute).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function shortTime(iso: string, now = new Date(), seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = d.getFullYear() === now.getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${year} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? ':' + pad(d.getSeconds()) : ''}`;
}

/** Each run's time, with seconds where another run shares its minute (so no two look alike). */
export function runTimes(isos: readonly string[], now = new Date()): string[] {
  const short = isos.map((iso) => shortTime(iso, now));
  const seen = new Map<string, number>();
  for (const t of short) seen.set(t, (seen.get(t) ?? 0) + 1);
  return isos.map((iso, i) => ((seen.get(short[i]) ?? 0) > 1 ? shortTime(iso, now, true) : short[i]));
}

/**
 * A report's schools in a few flat pieces (one text, typed arrays), to hand from one thread to
 * another: a structured clone of 100 000 school objects (each with three more inside) blocked the
 * page's main thread for most of a second, while these pieces copy in a few milliseconds. Unpacking
 * makes the objects again a slice at a time, so the receiver can yield between slices.
 */
import type { SchoolEntry } from './types.ts';

export interface PackedSchools {
  count: number;
  /** Every school's name, then its ID (absent for the "(no school)" bucket), one after another. */
  text: string;
  /** Per school: where its name ends and where its ID ends in `text`. */
  ends: Uint32Array;
  /** 1 where the school has no ID. */
  noId: Uint8Array;
  /** Per school: teachers, students, parents, classes. */
  counts: Float64Array;
  /** The finding codes the schools count. */
  codes: string[];
  /** Per school, where its error and alert counts start in `findings` (count + 1 entries each). */
  errorStarts: Uint32Array;
  alertStarts: Uint32Array;
  /** Pairs: an index into `codes`, then the count. */
  errors: Float64Array;
  alerts: Float64Array;
}

/**
 * Lists of schools unpacked whole, with what they came from: the page keeps the worker's packed
 * schools and hands them on to the history as they are, instead of packing them again.
 */
const packedOf = new WeakMap<readonly SchoolEntry[], PackedSchools>();

/** The packed form (the one a list was unpacked from, when it was). */
export function packSchools(schools: readonly SchoolEntry[]): PackedSchools {
  let packed = packedOf.get(schools);
  if (!packed) packedOf.set(schools, (packed = pack(schools)));
  return packed;
}

function pack(schools: readonly SchoolEntry[]): PackedSchools {
  const n = schools.length;
  const parts: string[] = [];
  const ends = new Uint32Array(2 * n);
  const noId = new Uint8Array(n);
  const counts = new Float64Array(4 * n);
  const codes = new Map<string, number>();
  const pairs = { errors: [] as number[], alerts: [] as number[] };
  const errorStarts = new Uint32Array(n + 1);
  const alertStarts = new Uint32Array(n + 1);
  let at = 0;
  const code = (c: string) => {
    let k = codes.get(c);
    if (k === undefined) codes.set(c, (k = codes.size));
    return k;
  };
  for (let i = 0; i < n; i++) {
    const s = schools[i];
    parts.push(s.name, s.id ?? '');
    ends[2 * i] = at += s.name.length;
    ends[2 * i + 1] = at += (s.id ?? '').length;
    noId[i] = s.id === null ? 1 : 0;
    counts.set([s.counts.teachers, s.counts.students, s.counts.parents, s.counts.classes], 4 * i);
    for (const [c, v] of Object.entries(s.error)) pairs.errors.push(code(c), v);
    for (const [c, v] of Object.entries(s.alert)) pairs.alerts.push(code(c), v);
    errorStarts[i + 1] = pairs.errors.length;
    alertStarts[i + 1] = pairs.alerts.length;
  }
  return {
    count: n,
    text: parts.join(''),
    ends,
    noId,
    counts,
    codes: [...codes.keys()],
    errorStarts,
    alertStarts,
    errors: Float64Array.from(pairs.errors),
    alerts: Float64Array.from(pairs.alerts),
  };
}

/** The typed arrays' buffers, to transfer instead of copying. */
export function packedBuffers(p: PackedSchools): ArrayBuffer[] {
  return [p.ends, p.noId, p.counts, p.errorStarts, p.alertStarts, p.errors, p.alerts].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Every school, as the report's objects. */
export function unpackAllSchools(p: PackedSchools): SchoolEntry[] {
  const out = unpackSchools(p);
  packedOf.set(out, p);
  return out;
}

/** Schools `from` to `to` (exclusive), as the report's objects. */
export function unpackSchools(p: PackedSchools, from = 0, to = p.count): SchoolEntry[] {
  const out: SchoolEntry[] = [];
  const tally = (pairs: Float64Array, start: number, end: number) => {
    const counts: Record<string, number> = {};
    for (let k = start; k < end; k += 2) counts[p.codes[pairs[k]]] = pairs[k + 1];
    return counts;
  };
  for (let i = Math.max(0, from); i < Math.min(to, p.count); i++) {
    const start = i === 0 ? 0 : p.ends[2 * i - 1];
    const c = 4 * i;
    out.push({
      id: p.noId[i] ? null : p.text.slice(p.ends[2 * i], p.ends[2 * i + 1]),
      name: p.text.slice(start, p.ends[2 * i]),
      counts: {
        teachers: p.counts[c],
        students: p.counts[c + 1],
        parents: p.counts[c + 2],
        classes: p.counts[c + 3],
      },
      error: tally(p.errors, p.errorStarts[i], p.errorStarts[i + 1]),
      alert: tally(p.alerts, p.alertStarts[i], p.alertStarts[i + 1]),
    });
  }
  return out;
}

/** How many schools one slice of unpacking makes before the receiver may yield. */
export const UNPACK_SLICE = 5000;

/** Every school, a slice at a time, awaiting `pause()` between slices (the page yields to its events). */
export async function unpackSchoolsInSlices(
  p: PackedSchools,
  pause: () => Promise<void>,
  slice = UNPACK_SLICE,
): Promise<SchoolEntry[]> {
  const out: SchoolEntry[] = [];
  for (let from = 0; from < p.count; from += slice) {
    if (from > 0) await pause();
    for (const s of unpackSchools(p, from, from + slice)) out.push(s);
  }
  packedOf.set(out, p);
  return out;
}

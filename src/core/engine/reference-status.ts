/**
 * When references to each kind of record can be checked: once every file of the format defining
 * the kind has been read; never when a required one is missing or defines nothing.
 */
import type { FileSpec, FormatAdapter } from '../formats/types.ts';
import type { ReadOutcome } from './read-job.ts';
import type { References } from './references.ts';

export class ReferenceStatus {
  private readonly definers = new Map<string, FileSpec[]>();
  private readonly done = new Set<string>();

  /** `bySpec`: the format's files given, by spec name. */
  constructor(
    private readonly adapter: FormatAdapter,
    private readonly bySpec: ReadonlyMap<string, number>,
    private readonly refs: References,
  ) {
    const definers = this.definers;
    for (const spec of adapter.files) {
      for (const kind of spec.defines?.kinds ?? []) definers.set(kind, [...(definers.get(kind) ?? []), spec]);
    }
    for (const [kind, specs] of definers) {
      // Checked only when every required definer is there and at least one definer is (courses.csv is optional).
      const usable =
        specs.every((s) => bySpec.has(s.name) || s.required === 'no') &&
        specs.some((s) => bySpec.has(s.name));
      refs.setStatus(kind as never, usable ? 'pending' : 'unavailable');
    }
  }

  /** `spec`'s file has been read: returns whether it defines nothing (unreadable, or without its ID column). */
  fileRead(spec: FileSpec, outcome: ReadOutcome): boolean {
    const { bySpec, done, refs } = this;
    done.add(spec.name);
    // An allowed-empty file (no header at all) defines nothing, so references to its kind are unknown.
    const definesNothing =
      !outcome.readable ||
      (outcome.header !== null &&
        outcome.header.length > 0 &&
        spec.defines &&
        !headerHas(outcome.header, spec.defines.column, this.adapter));
    for (const kind of spec.defines?.kinds ?? []) {
      if (definesNothing) refs.setStatus(kind, 'unavailable');
      else if ((this.definers.get(kind) ?? []).every((s) => done.has(s.name) || !bySpec.has(s.name)))
        refs.setStatus(kind, 'complete');
    }
    return Boolean(definesNothing);
  }
}

function headerHas(header: readonly string[], column: string, adapter: FormatAdapter): boolean {
  return adapter.headerCase === 'insensitive'
    ? header.some((h) => h.toLowerCase() === column.toLowerCase())
    : header.includes(column);
}

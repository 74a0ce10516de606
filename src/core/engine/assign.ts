/**
 * Which input file plays which part of the format: exact names first (case-insensitive), then a
 * spreadsheet or text file with the same stem ("students.xlsx" stands in for students.csv, and is
 * reported unreadable rather than missing). Everything else is ignored, with a reason.
 */
import type { FileSpec, FormatAdapter } from '../formats/types.ts';
import { ADAPTERS } from '../formats/registry.ts';
import type { Probe } from '../input/probe.ts';
import { numberedNote } from './file-names.ts';

export interface Assignment {
  /** Spec name → index of the input file read for it. */
  bySpec: Map<string, number>;
  /** Inputs not read, with why (for `file-ignored`); known extra files of the format are not listed. */
  ignored: Array<{ input: number; detail: string }>;
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');

/** `names`: what each input is called in the report (unique; see file-names.ts). */
export function assignFiles(
  adapter: FormatAdapter,
  probes: readonly Probe[],
  names: readonly string[] = probes.map((p) => p.source.path),
): Assignment {
  const bySpec = new Map<string, number>();
  const taken = new Set<number>();
  const specNamed = (test: (spec: FileSpec) => boolean) => adapter.files.find(test);
  probes.forEach((p, i) => {
    const spec = specNamed((s) => s.name.toLowerCase() === p.name);
    if (spec && !bySpec.has(spec.name)) {
      bySpec.set(spec.name, i);
      taken.add(i);
    }
  });
  probes.forEach((p, i) => {
    if (taken.has(i) || p.name.endsWith('.csv')) return;
    const spec = specNamed((s) => stem(s.name.toLowerCase()) === stem(p.name));
    if (spec && !bySpec.has(spec.name)) {
      bySpec.set(spec.name, i);
      taken.add(i);
    }
  });
  const ignored: Assignment['ignored'] = [];
  probes.forEach((p, i) => {
    if (taken.has(i)) return;
    const spec = specNamed((s) => s.name.toLowerCase() === p.name);
    if (spec) {
      const first = names[bySpec.get(spec.name)!];
      ignored.push({
        input: i,
        detail: `${numberedNote(names, i)}another ${spec.name} was given (${first}); only that one was read`,
      });
      return;
    }
    if (adapter.knownExtraFiles?.includes(p.name)) return;
    if (p.binary) {
      ignored.push({
        input: i,
        detail: `it is ${p.binary}, not a CSV file, and ${adapter.label} has no file of that name`,
      });
      return;
    }
    const other = ADAPTERS.find((a) => a !== adapter && a.files.some((s) => s.name.toLowerCase() === p.name));
    ignored.push({
      input: i,
      detail: other
        ? `${adapter.label} has no file of that name (it is a ${other.label} file name; the files were read as ${adapter.label})`
        : `${adapter.label} has no file of that name`,
    });
  });
  return { bySpec, ignored };
}

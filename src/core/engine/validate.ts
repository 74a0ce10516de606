/**
 * The engine: files in, report out. Probe every file, detect the format, read the format's files
 * in dependency order (each streamed chunk by chunk), let the adapter finish, resolve schools, run
 * the data rules, build the report. Bad input becomes findings; only an unrecognisable set of files
 * (or one that cannot be opened at all) throws, as an InputError with a one-line message.
 */
import { adapterFor } from '../formats/registry.ts';
import { detectFormat, unknownFormatMessage } from '../formats/detect.ts';
import { otherSystem, otherSystemMessage } from '../formats/other-systems.ts';
import type { FileSpec, FormatAdapter, FormatId } from '../formats/types.ts';
import type { HashFactory, RemoteDigest } from '../input/hash.ts';
import { hashSource, jsSha256, noHash } from '../input/hash.ts';
import type { SourceFile } from '../input/source.ts';
import { expandInputs } from '../input/expand.ts';
import { ZipError } from '../input/zip.ts';
import { Roster } from '../model/roster.ts';
import { fileIgnored } from '../rules/formatting/file-ignored.ts';
import { fileMissing } from '../rules/formatting/file-missing.ts';
import { calendarDate } from '../rules/dates.ts';
import { buildResult, type ValidationResult } from '../report/build.ts';
import { takeSnapshot, type RosterSnapshot } from '../snapshot/snapshot.ts';
import { randomSalt } from '../snapshot/id-hash.ts';
import type { FileEntry } from '../report/types.ts';
import { assignFiles } from './assign.ts';
import { uniqueFileNames } from './file-names.ts';
import { FindingCollector } from './collector.ts';
import { probe, type Probe } from '../input/probe.ts';
import { reportEmptyFiles, type ReadFile } from './empty-files.ts';
import { readFile } from './read-file.ts';
import { ReferenceStatus } from './reference-status.ts';
import { References } from './references.ts';
import { resolveSchools } from './resolve.ts';
import { runRules } from './run-rules.ts';
import { settleWaiting } from './unknown-refs.ts';
import { steps } from '../model/ticks.ts';
import { ProgressReporter, type Progress } from './progress.ts';

/** Input that cannot be checked at all: the message is for the person, one line, no stack. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The checking steps' shares of its time (measured on large districts), in the order they run. */
const CHECK_STEPS = { finish: 5, resolve: 3, snapshot: 12, devices: 35, rules: 30, report: 15 };

/** Picks the earlier run by the schools of this roster (null: none of this district). */
export type PreviousChooser = (schools: readonly { id: string; name: string }[]) => RosterSnapshot | null;

export interface ValidateOptions {
  /** Use this format instead of detecting one. */
  format?: FormatId;
  /** The day of validation (birth dates may not be after it); defaults to now. */
  now?: Date;
  /**
   * The earlier run of the same district: enables hold-removals; its salt is reused. A function is
   * asked once the roster's schools are known, so that an earlier run of another district is left out.
   */
  previous?: RosterSnapshot | null | PreviousChooser;
  /** Salt for this run's ID hashes when there is no earlier run (random otherwise). */
  salt?: string;
  hash?: HashFactory;
  /**
   * Files hashed elsewhere while they are read here (the browser's second worker): asked once per file,
   * in reading order, when reading starts; the report waits for the digests only at its end.
   */
  digest?: RemoteDigest;
  onProgress?: (progress: Progress) => void;
}

export async function validate(
  inputs: readonly SourceFile[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const now = options.now ?? new Date();
  let expanded;
  try {
    expanded = await expandInputs(inputs);
  } catch (error) {
    if (error instanceof ZipError) throw new InputError(error.message);
    throw error;
  }
  const sources = expanded.files;
  const probes: Probe[] = [];
  for (const source of sources) probes.push(await probe(source));
  let adapter: FormatAdapter | undefined;
  if (options.format) {
    adapter = adapterFor(options.format);
    if (!adapter) throw new InputError(`Unknown format "${options.format}".`);
  } else {
    adapter = detectFormat(probes)?.adapter;
    const other = otherSystem(probes, adapter ?? null);
    if (other) throw new InputError(otherSystemMessage(other));
    if (!adapter) throw new InputError(unknownFormatMessage(probes));
  }

  const roster = new Roster();
  const names = uniqueFileNames(sources);
  roster.files.push(...names);
  const findings = new FindingCollector();
  const refs = new References(roster);
  const { bySpec, ignored } = assignFiles(adapter, probes, names);
  const reader = adapter.read({ roster });

  const status = new ReferenceStatus(adapter, bySpec, refs);
  for (const spec of adapter.files) {
    if (bySpec.has(spec.name) || spec.required === 'no') continue;
    findings.add(fileMissing, 'row', {
      entity: 'file',
      reason: spec.required === 'soft' ? 'optional' : 'required',
      fileName: spec.name,
    });
  }
  for (const { input, detail } of ignored)
    findings.add(fileIgnored, 'row', { file: input, entity: 'file', detail });
  for (const { path, detail } of expanded.skipped)
    findings.add(fileIgnored, 'row', { fileName: path, entity: 'file', detail });

  const entries: FileEntry[] = sources.map((s, i) => ({
    name: names[i],
    bytes: s.size,
    rows: 0,
    sha256: '',
  }));
  const bytesTotal = sources.reduce((n, s) => n + s.size, 0);
  const progress = new ProgressReporter(bytesTotal, options.onProgress);
  const report = progress.report;

  const order = [
    ...adapter.files
      .filter((s) => bySpec.has(s.name))
      .map((s) => ({ spec: s as FileSpec | null, input: bySpec.get(s.name)! })),
    ...sources
      .map((_, i) => ({ spec: null, input: i }))
      .filter((j) => ![...bySpec.values()].includes(j.input)),
  ];
  const hash = options.hash ?? jsSha256;
  const remote = new Map<number, Promise<string>>();
  for (const { input } of order) {
    const digest = options.digest?.(sources[input]);
    if (!digest) continue;
    digest.catch(() => {}); // awaited (and its failure handled) before the report is built
    remote.set(input, digest);
  }
  const read: ReadFile[] = [];
  for (const { spec, input } of order) {
    const source = sources[input];
    report('reading', names[input], 0, 0, true);
    const outcome = await readFile(
      {
        source,
        spec,
        fileIndex: input,
        headerCase: adapter.headerCase,
        handler: spec ? (reader.rows[spec.name] ?? null) : null,
        mayBeEmpty: spec ? adapter.mayBeEmpty?.includes(spec.name) : false,
      },
      {
        fileNames: roster.files,
        findings,
        refs,
        hash: remote.has(input) ? noHash : hash,
        progress: (b, r) => report('reading', names[input], b, r),
      },
    );
    entries[input].rows = outcome.rows;
    entries[input].sha256 = outcome.sha256;
    progress.fileRead(source.size, outcome.rows);
    if (!spec) continue;
    const definesNothing = status.fileRead(spec, outcome);
    // A file without its ID column is already header-missing: file-empty would only repeat it.
    const withHeader = outcome.readable && (outcome.header?.length ?? 0) > 0 && !definesNothing;
    read.push({ spec, input, rows: outcome.rows, withHeader });
    settleWaiting(refs, findings, false, () => report('reading', names[input], 0, 0));
  }
  report('checking', '', 0, 0, true, 0);
  const step = steps((share) => report('checking', '', 0, 0, false, share), Object.values(CHECK_STEPS));
  reader.finish(step());
  settleWaiting(refs, findings, true);
  reportEmptyFiles(roster, read, findings);
  resolveSchools(roster, step());
  const previous =
    typeof options.previous === 'function' ? options.previous(roster.schools) : (options.previous ?? null);
  const snapshot = takeSnapshot(roster, previous?.salt ?? options.salt ?? randomSalt(), step());
  runRules(roster, findings, calendarDate(now), previous, snapshot, step(), step());
  refs.damage.finish(findings);
  for (const [input, digest] of remote)
    entries[input].sha256 = await digest.catch(() => hashSource(sources[input], hash));
  const result = buildResult(
    roster,
    findings.raw,
    { adapter, files: entries, generatedAt: now, snapshot },
    step(),
  );
  report('done', '', 0, 0, true);
  return result;
}

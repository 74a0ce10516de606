/**
 * The worker's implementation of ValidatorApi, free of any Worker plumbing so tests call it directly.
 * It keeps the last ValidationResult and answers the page's questions about it.
 */
import { InputError, validate } from '../core/engine/validate.ts';
import { compareAgain } from '../core/engine/compare-again.ts';
import { ADAPTERS } from '../core/formats/registry.ts';
import { jsSha256, type HashFactory } from '../core/input/hash.ts';
import type { SourceFile } from '../core/input/source.ts';
import type { ValidationResult } from '../core/report/build.ts';
import type { FormattingRule } from '../core/rules/rule.ts';
import { ruleFor } from '../core/rules/registry.ts';
import { isPackedSnapshot, packSnapshot, unpackSnapshot } from '../core/snapshot/packed-snapshot.ts';
import type { RosterSnapshot } from '../core/snapshot/snapshot.ts';
import { HISTORY_CHUNK, type RunOutcome, type ValidatorApi } from './api.ts';
import {
  type FileProblems,
  type FindingPage,
  type FormatOption,
  type RuleInfo,
} from '../shared/report-types.ts';
import { buildDownload } from './downloads.ts';
import { FindingIndex } from './finding-index.ts';
import { pageRange } from '../shared/finding-filter.ts';
import { blobOf, samplePreviousSources, sourcesOf } from './inputs.ts';
import type { BlobHasher } from './blob-hasher.ts';
import { applyAcknowledgements, type AppliedAcknowledgements } from './acknowledged-marks.ts';

export const FORMATS: FormatOption[] = ADAPTERS.map((a) => ({
  id: a.id,
  label: a.label,
  reconstructed: a.reconstructed,
}));

export function ruleInfo(code: string): RuleInfo {
  const rule = ruleFor(code);
  const fixes: Record<string, string> = typeof rule.fix === 'string' ? { '': rule.fix } : {};
  if (typeof rule.fix !== 'string') {
    for (const [reason, text] of Object.entries(rule.fix)) if (text) fixes[reason] = text;
  }
  const info: RuleInfo = {
    code,
    title: rule.title,
    severity: rule.severity,
    explanation: rule.explanation,
    fixes,
  };
  if (rule.remindName) info.remindName = rule.remindName;
  return info;
}

/**
 * Formatting findings grouped by the file they are about (files given first, then missing ones),
 * and the number of blocking ones per code.
 */
export function fileProblemsOf(result: ValidationResult): {
  files: FileProblems[];
  blocking: Record<string, number>;
} {
  const { roster, findings, summary } = result;
  const blocking: Record<string, number> = {};
  const byName = new Map<string, FileProblems>();
  for (const f of summary.files)
    byName.set(f.name, { name: f.name, present: true, rows: f.rows, blocking: 0, other: 0, codes: {} });
  for (const raw of findings.raw) {
    const rule = ruleFor(raw.code);
    if (rule.severity !== 'formatting') continue;
    const name = raw.file >= 0 ? roster.files[raw.file] : (raw.fileName ?? '(no file)');
    let entry = byName.get(name);
    if (!entry) {
      entry = { name, present: false, rows: 0, blocking: 0, other: 0, codes: {} };
      byName.set(name, entry);
    }
    if ((rule as FormattingRule).blocks(raw.reason)) {
      entry.blocking++;
      blocking[raw.code] = (blocking[raw.code] ?? 0) + 1;
    } else entry.other++;
    entry.codes[raw.code] = (entry.codes[raw.code] ?? 0) + 1;
  }
  return { files: [...byName.values()].filter((f) => f.blocking + f.other > 0), blocking };
}

/**
 * The earlier run the sample district is compared with: the same district exported before, with
 * more students, so the demo shows hold-removals like a real second run would.
 */
async function samplePrevious(now: Date | undefined, hash: HashFactory): Promise<RosterSnapshot> {
  return (await validate(samplePreviousSources(), { now, hash })).snapshot;
}

function outcomeOf(result: ValidationResult): RunOutcome {
  const codes = new Set(result.findings.raw.map((f) => f.code));
  const rules = Object.fromEntries([...codes].map((code) => [code, ruleInfo(code)]));
  const { files, blocking } = fileProblemsOf(result);
  return { ok: true, summary: result.summary, rules, fileProblems: files, blocking, formats: FORMATS };
}

export interface ValidatorOptions {
  /** Hashes the chosen files elsewhere (the second worker) while they are parsed here. */
  hasher?: BlobHasher;
  /** For the files hashed here (a zip's entries, the sample district); default @noble/hashes. */
  hash?: Promise<HashFactory>;
}

export function createValidator(options: ValidatorOptions = {}): ValidatorApi {
  const { hasher } = options;
  const hashHere = options.hash ?? Promise.resolve(jsSha256);
  const digest = hasher
    ? (source: SourceFile) => {
        const blob = blobOf(source);
        return blob ? hasher.sha256(blob) : null;
      }
    : undefined;
  let current: {
    result: ValidationResult;
    index: FindingIndex;
    acknowledged?: AppliedAcknowledgements;
  } | null = null;
  const need = () => {
    if (!current) throw new Error('No roster has been checked yet.');
    return current;
  };

  return {
    async run(request, onProgress) {
      current = null;
      let result: ValidationResult;
      const now = request.now ? new Date(request.now) : undefined;
      const hash = await hashHere;
      try {
        // Anything but packed numbers is ignored, not compared: it would make a false removal hold.
        const previous = request.previous
          ? isPackedSnapshot(request.previous)
            ? unpackSnapshot(request.previous)
            : null
          : request.input.kind === 'sample'
            ? await samplePrevious(now, hash)
            : null;
        result = await validate(sourcesOf(request.input), {
          format: request.format,
          now,
          previous,
          hash,
          digest,
          onProgress,
        });
      } catch (error) {
        if (error instanceof InputError) return { ok: false, message: error.message };
        throw error;
      }
      current = { result, index: new FindingIndex(result) };
      return outcomeOf(result);
    },

    async compareAgain(previous) {
      const again = compareAgain(
        need().result,
        previous && isPackedSnapshot(previous) ? unpackSnapshot(previous) : null,
      );
      current = { result: again, index: new FindingIndex(again) };
      return outcomeOf(again);
    },

    async acknowledge(list) {
      const { result, index } = need();
      const acknowledged = list.length ? applyAcknowledgements(result, list) : undefined;
      current = { result, index: index.withAcknowledged(acknowledged?.flags ?? null), acknowledged };
      return acknowledged?.marks.count ?? 0;
    },

    async findings(filter, offset, limit): Promise<FindingPage> {
      const { result, index, acknowledged } = need();
      const { indexes, reasons } = index.get(filter);
      const [start, end] = pageRange(indexes.length, offset, limit);
      const items = [];
      for (let k = start; k < end; k++) {
        const f = result.findings.get(indexes[k]);
        items.push(acknowledged?.flags[indexes[k]] ? { ...f, acknowledged: true as const } : f);
      }
      return { total: indexes.length, offset: start, items, reasons };
    },

    async download(request) {
      const { result, acknowledged } = need();
      return buildDownload(result, request, acknowledged?.marks);
    },

    async snapshot() {
      return packSnapshot(need().result.snapshot);
    },

    async historyFindings(offset, limit) {
      const { findings } = need().result;
      const [start, end] = pageRange(findings.length, offset, limit, HISTORY_CHUNK);
      const items = [];
      for (let i = start; i < end; i++) items.push(findings.get(i));
      return items;
    },
  };
}

/**
 * The report JSON of report.md, written in pieces so a million findings never form one string.
 * After the documented fields comes `roster`: this run's record IDs as salted hashes (snapshot.ts),
 * which a later run needs for hold-removals. A report compared with an earlier one (`--previous`)
 * carries `changes` before it: the new and resolved findings, and how many are unchanged.
 */
import type { ValidationResult } from './build.ts';
import type { Finding, Report } from './types.ts';

/** report.md's `changes`: what changed since an earlier report, or why it was not compared. */
export interface ReportChanges {
  /** The earlier report's generatedAt; null when it was not compared. */
  comparedWith: string | null;
  /** Why it was not compared (null when it was). */
  reason: string | null;
  new: Finding[];
  resolved: Finding[];
  unchanged: number;
}

const FINDINGS = '"__FINDINGS__"';
const NEW = '"__NEW__"';
const RESOLVED = '"__RESOLVED__"';

function* listPieces(items: Iterable<Finding>, indent: string): Generator<string> {
  let batch = '';
  let any = false;
  for (const f of items) {
    batch += (any ? ',\n' : '\n') + indent + JSON.stringify(f);
    any = true;
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield batch + (any ? `\n${indent.slice(2)}]` : ']');
}

export function* reportJsonPieces(result: ValidationResult, changes?: ReportChanges): Generator<string> {
  const head = JSON.stringify(
    {
      ...result.summary,
      findings: '__FINDINGS__',
      ...(changes && { changes: { ...changes, new: '__NEW__', resolved: '__RESOLVED__' } }),
      roster: result.snapshot,
    },
    null,
    2,
  );
  let from = 0;
  const lists: [string, Iterable<Finding>, string][] = [[FINDINGS, result.findings, '    ']];
  if (changes) lists.push([NEW, changes.new, '      '], [RESOLVED, changes.resolved, '      ']);
  for (const [placeholder, items, indent] of lists) {
    const at = head.indexOf(placeholder, from);
    yield head.slice(from, at) + '[';
    yield* listPieces(items, indent);
    from = at + placeholder.length;
  }
  yield head.slice(from);
}

/** The whole report as one object (tests, small districts). */
export function toReport(result: ValidationResult): Report {
  return { ...result.summary, findings: [...result.findings], roster: result.snapshot };
}

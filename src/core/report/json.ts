/**
 * The report JSON of report.md, written in pieces so a million findings never form one string.
 * After the documented fields comes `roster`: this run's record IDs as salted hashes (snapshot.ts),
 * which a later run needs for hold-removals. A report compared with an earlier one (`--previous`)
 * carries `changes` before it: the new and resolved findings, and how many are unchanged.
 */
import type { ValidationResult } from './build.ts';
import { hashesOf, SNAPSHOT_KINDS, type RosterSnapshot } from '../snapshot/snapshot.ts';
import { hexOf } from '../snapshot/id-hash.ts';
import { HIGH, LOW } from '../snapshot/sort-hashes.ts';
import type { Finding, Report, ReportSummary } from './types.ts';

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

/**
 * Where each list goes: the key and its placeholder with the line break and indent before them. A
 * value (a school named "__FINDINGS__") cannot hold a raw line break, so only the key itself matches.
 */
const PLACEHOLDERS = {
  findings: '\n  "findings": "__FINDINGS__"',
  new: '\n    "new": "__NEW__"',
  resolved: '\n    "resolved": "__RESOLVED__"',
};
export type ListName = keyof typeof PLACEHOLDERS;
/** The placeholder's own length at the end of each pattern: `"__FINDINGS__"` etc. */
const valueLength = (name: ListName) => PLACEHOLDERS[name].length - PLACEHOLDERS[name].indexOf('"__');

/**
 * The report JSON around its lists of findings: `text[i]` comes before `lists[i]` (which opens with
 * "[" and is closed by `listClose`), and the last text after the last list. One shape for a fresh
 * run (the worker, the command line) and a run read back from the history.
 */
export interface ReportJsonShell {
  text: string[];
  lists: ListName[];
}

/** Acknowledged findings (`--acknowledged`): which, and how many (report.md). */
export interface AcknowledgedMarks {
  is: (f: Finding) => boolean;
  count: number;
}

export function reportJsonShell(
  summary: ReportSummary,
  snapshot: RosterSnapshot | undefined,
  changes?: Pick<ReportChanges, 'comparedWith' | 'reason' | 'unchanged'>,
  acknowledged?: AcknowledgedMarks,
): ReportJsonShell {
  const head = JSON.stringify(
    {
      ...summary,
      ...(acknowledged && { totals: { ...summary.totals, acknowledged: acknowledged.count } }),
      findings: '__FINDINGS__',
      ...(changes && { changes: { ...changes, new: '__NEW__', resolved: '__RESOLVED__' } }),
      roster: snapshot,
    },
    null,
    2,
  );
  const lists: ListName[] = changes ? ['findings', 'new', 'resolved'] : ['findings'];
  const text: string[] = [];
  let from = 0;
  for (const name of lists) {
    const end = head.indexOf(PLACEHOLDERS[name], from) + PLACEHOLDERS[name].length;
    text.push(head.slice(from, end - valueLength(name)));
    from = end;
  }
  text.push(head.slice(from));
  return { text, lists };
}

const INDENT: Record<ListName, string> = { findings: '    ', new: '      ', resolved: '      ' };

/** One finding of a list (`index` 0 is the first), as the report writes it. */
export function listItem(name: ListName, f: Finding, index: number): string {
  return (index === 0 ? '[\n' : ',\n') + INDENT[name] + JSON.stringify(f);
}

/** The end of a list of `count` findings. */
export function listClose(name: ListName, count: number): string {
  return count === 0 ? '[]' : `\n${INDENT[name].slice(2)}]`;
}

/** About how long a piece of the JSON grows before it is handed on. */
const PIECE_CHARS = 1 << 16;

function* listPieces(
  name: ListName,
  items: Iterable<Finding>,
  acknowledged?: AcknowledgedMarks,
): Generator<string> {
  let batch = '';
  let n = 0;
  for (const f of items) {
    batch += listItem(name, acknowledged?.is(f) ? { ...f, acknowledged: true } : f, n++);
    if (batch.length > PIECE_CHARS) {
      yield batch;
      batch = '';
    }
  }
  yield batch + listClose(name, n);
}

const ROSTER_PLACEHOLDER = '__ROSTER__';

/**
 * The `roster` field's value as JSON.stringify(snapshot, null, 2) writes it one level in, but from the
 * snapshot's sorted numbers, a piece at a time: its lists of hex strings are never made (a million
 * students: 2.5 million strings).
 */
function* rosterPieces(snapshot: RosterSnapshot): Generator<string> {
  const hashes = hashesOf(snapshot)!;
  let batch = `{\n    "salt": ${JSON.stringify(snapshot.salt)}`;
  for (const kind of SNAPSHOT_KINDS) {
    const list = hashes[kind];
    batch += `,\n    "${kind}": ${list.length === 0 ? '[]' : '['}`;
    const words = new Uint32Array(list.buffer, list.byteOffset, 2 * list.length);
    for (let i = 0; i < list.length; i++) {
      batch += `${i === 0 ? '' : ','}\n      "${hexOf(words[2 * i + HIGH], words[2 * i + LOW])}"`;
      if (batch.length > PIECE_CHARS) {
        yield batch;
        batch = '';
      }
    }
    if (list.length > 0) batch += '\n    ]';
  }
  yield batch + '\n  }';
}

export function* reportJsonPieces(
  result: ValidationResult,
  changes?: ReportChanges,
  acknowledged?: AcknowledgedMarks,
): Generator<string> {
  // A snapshot kept as numbers is written from them; its place in the shell is held by a marker.
  const streamed = result.snapshot !== undefined && hashesOf(result.snapshot) !== undefined;
  const roster = streamed ? (ROSTER_PLACEHOLDER as unknown as RosterSnapshot) : result.snapshot;
  const shell = reportJsonShell(result.summary, roster, changes, acknowledged);
  const items: Record<ListName, Iterable<Finding>> = {
    findings: result.findings,
    new: changes?.new ?? [],
    resolved: changes?.resolved ?? [],
  };
  for (const [i, name] of shell.lists.entries()) {
    yield shell.text[i];
    yield* listPieces(name, items[name], name === 'resolved' ? undefined : acknowledged);
  }
  const tail = shell.text[shell.lists.length];
  if (!streamed) return yield tail;
  const at = tail.lastIndexOf(`"${ROSTER_PLACEHOLDER}"`);
  yield tail.slice(0, at);
  yield* rosterPieces(result.snapshot);
  yield tail.slice(at + ROSTER_PLACEHOLDER.length + 2);
}

/** The whole report as one object (tests, small districts). */
export function toReport(result: ValidationResult): Report {
  return { ...result.summary, findings: [...result.findings], roster: result.snapshot };
}

/**
 * The district's acknowledgements applied to the worker's result: one flag per finding (for the
 * filters and pages) and the marks the downloads write (core/report/acknowledged.ts matches).
 */
import { acknowledgedBy, type Acknowledgement } from '../core/report/acknowledged.ts';
import type { ValidationResult } from '../core/report/build.ts';
import type { AcknowledgedMarks } from '../core/report/json.ts';
import type { RawFinding } from '../core/model/finding.ts';
import type { Roster } from '../core/model/roster.ts';

export interface AppliedAcknowledgements {
  /** 1 for each acknowledged finding, by its index in report order. */
  flags: Uint8Array;
  marks: AcknowledgedMarks;
}

export function applyAcknowledgements(
  result: ValidationResult,
  list: readonly Acknowledgement[],
): AppliedAcknowledgements {
  const { findings } = result;
  const flags = new Uint8Array(findings.length);
  const is = acknowledgedBy(list);
  // Only findings of an acknowledged code and record ID are made whole to be matched (a million
  // findings, a few acknowledged): the ID is read from the raw finding and the roster.
  const keys = new Set(list.map((a) => `${a.code}\u0000${a.id}`));
  const codes = new Set(list.map((a) => a.code));
  let count = 0;
  for (let i = 0; i < findings.length; i++) {
    const raw = findings.raw[i];
    if (!codes.has(raw.code)) continue;
    const id = rawId(result.roster, raw);
    if (id === null || !keys.has(`${raw.code}\u0000${id}`) || !is(findings.get(i))) continue;
    flags[i] = 1;
    count++;
  }
  return { flags, marks: { is, count } };
}

/** The record ID materialize() gives a finding, without making the rest of it. */
function rawId(roster: Roster, raw: RawFinding): string | null {
  if (raw.subject === 'person') return roster.people.id(raw.index);
  if (raw.subject === 'class') return roster.classes[raw.index].id;
  return raw.id;
}

/**
 * The district's acknowledgements applied to the worker's result: one flag per finding (for the
 * filters and pages) and the marks the downloads write (core/report/acknowledged.ts matches).
 */
import { acknowledgedBy, type Acknowledgement } from '../core/report/acknowledged.ts';
import type { ValidationResult } from '../core/report/build.ts';
import type { AcknowledgedMarks } from '../core/report/json.ts';

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
  // Only findings of an acknowledged code are made whole to be matched (a million findings, a few acknowledged).
  const codes = new Set(list.map((a) => a.code));
  let count = 0;
  for (let i = 0; i < findings.length; i++) {
    if (!codes.has(findings.raw[i].code) || !is(findings.get(i))) continue;
    flags[i] = 1;
    count++;
  }
  return { flags, marks: { is, count } };
}

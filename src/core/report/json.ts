/** The report JSON of report.md, written in pieces so a million findings never form one string. */
import type { ValidationResult } from './build.ts';
import type { Report } from './types.ts';

export function* reportJsonPieces(result: ValidationResult): Generator<string> {
  const head = JSON.stringify({ ...result.summary, findings: [] }, null, 2);
  const open = head.lastIndexOf('[]');
  yield head.slice(0, open) + '[';
  let batch = '';
  for (let i = 0; i < result.findings.length; i++) {
    batch += (i === 0 ? '\n    ' : ',\n    ') + JSON.stringify(result.findings.get(i));
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield batch + (result.findings.length ? '\n  ' : '') + head.slice(open + 1);
}

/** The whole report as one object (tests, small districts). */
export function toReport(result: ValidationResult): Report {
  return { ...result.summary, findings: [...result.findings] };
}

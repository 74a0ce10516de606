/**
 * The report JSON of report.md, written in pieces so a million findings never form one string.
 * After the documented fields comes `roster`: this run's record IDs as salted hashes (snapshot.ts),
 * which a later run needs for hold-removals.
 */
import type { ValidationResult } from './build.ts';
import type { Report } from './types.ts';

const PLACEHOLDER = '"__FINDINGS__"';

export function* reportJsonPieces(result: ValidationResult): Generator<string> {
  const head = JSON.stringify(
    { ...result.summary, findings: '__FINDINGS__', roster: result.snapshot },
    null,
    2,
  );
  const at = head.indexOf(PLACEHOLDER);
  yield head.slice(0, at) + '[';
  let batch = '';
  for (let i = 0; i < result.findings.length; i++) {
    batch += (i === 0 ? '\n    ' : ',\n    ') + JSON.stringify(result.findings.get(i));
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield batch + (result.findings.length ? '\n  ]' : ']') + head.slice(at + PLACEHOLDER.length);
}

/** The whole report as one object (tests, small districts). */
export function toReport(result: ValidationResult): Report {
  return { ...result.summary, findings: [...result.findings], roster: result.snapshot };
}

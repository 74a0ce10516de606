/** Causes and knock-on (docs/causes.md): computed once per run, after the findings are sorted. */
import type { RawFinding } from '../model/finding.ts';
import type { Roster } from '../model/roster.ts';
import type { FileSpec } from '../formats/types.ts';
import { knockOnLinks } from './causes/links.ts';
import { groupCauses, type Cause } from './causes/group.ts';

export type { Cause } from './causes/group.ts';
export { because } from './causes/because.ts';
export { compareCauses } from './causes/group.ts';

export interface CauseAnalysis {
  causes: Cause[];
  /** Per finding (report order): the finding it is a knock-on of, or -1. */
  parent: Int32Array;
  /** Per finding: its cause's index in `causes`. */
  causeOf: Uint16Array;
}

export function analyseCauses(
  roster: Roster,
  findings: readonly RawFinding[],
  specs: readonly FileSpec[],
): CauseAnalysis {
  const parent = knockOnLinks(roster, findings, specs);
  const { causes, causeOf } = groupCauses(roster, findings, parent);
  return { causes, parent, causeOf };
}

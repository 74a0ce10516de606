/**
 * References to no record in the roster: reported as `ref-unknown` when their kind is complete,
 * or kept waiting until every file defining the kind has been read.
 */
import type { RecordKind } from '../formats/types.ts';
import { TICK_EVERY } from '../model/ticks.ts';
import { refUnknown } from '../rules/formatting/ref-unknown.ts';
import type { FindingCollector } from './collector.ts';
import type { References } from './references.ts';

const KIND_WORDS: Record<RecordKind, string> = {
  school: 'a school',
  org: 'an organisation',
  person: 'a person',
  class: 'a class',
  course: 'a course',
  session: 'an academic session',
};

export function reportUnknownRef(
  findings: FindingCollector,
  refs: References,
  kind: RecordKind,
  value: string,
  file: number,
  row: number,
  field: string,
  entity: string | null,
  id: string | null,
): void {
  const orgType = kind === 'school' ? refs.orgTypeOf(value) : null;
  if (orgType !== null) {
    // The ID is defined, as an org that is not a school (a district, a department): say what it is.
    const what = orgType ? `an organisation of type ${orgType}` : 'an organisation without a type';
    const detail = `is ${what}, not a school`;
    findings.add(refUnknown, 'row', { file, row, entity, id, field, value, detail, reason: 'not-a-school' });
    return;
  }
  const detail = `is not ${KIND_WORDS[kind]} defined in any file`;
  const because = refs.damage.explainRef(refs, kind, value, file, row, field) ?? undefined;
  findings.add(refUnknown, 'row', { file, row, entity, id, field, value, detail, because });
}

/** References that waited for their kind: report those whose kind is now complete (or all, at the end). */
export function settleWaiting(
  refs: References,
  findings: FindingCollector,
  final = false,
  tick = () => {},
): void {
  let settled = 0;
  refs.waiting.filter((w) => {
    // Millions may wait (a large users.csv): keep the page's progress moving meanwhile.
    if ((++settled & TICK_EVERY) === 0) tick();
    const verdict = refs.check(w.kind, w.id);
    if (verdict === 'later' && !final) return true;
    if (verdict !== 'ok')
      reportUnknownRef(findings, refs, w.kind, w.id, w.file, w.row, w.column, w.entity, w.ownId);
    return false;
  });
}

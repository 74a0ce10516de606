/** The stage-1 findings a row gives rise to, named in the words of the file's own header. */
import type { FileSpec, RecordKind } from '../formats/types.ts';
import { deltaExport } from '../rules/formatting/delta-export.ts';
import { enrollmentSchool } from '../rules/formatting/enrollment-school.ts';
import { idDuplicate } from '../rules/formatting/id-duplicate.ts';
import type { FindingCollector } from './collector.ts';
import type { References } from './references.ts';
import { reportUnknownRef } from './unknown-refs.ts';

/** What the findings need of the cursor reading the row (RowCursor). */
export interface RowSite {
  readonly file: number;
  readonly row: number;
  readonly spec: FileSpec;
  readonly fileNames: readonly string[];
  readonly findings: FindingCollector;
  readonly refs: References;
  get(column: string): string;
  /** The column's name as the file writes it. */
  field(column: string): string;
  /** The ID the row defines, if its file defines any. */
  ownId(): string | null;
}

/** A reference to no record in the roster: fine, unknown, or to be decided once more files are read. */
export function checkUnresolved(c: RowSite, kind: RecordKind, value: string, column: string): void {
  const verdict = c.refs.check(kind, value);
  if (verdict === 'unknown')
    reportUnknownRef(
      c.findings,
      c.refs,
      kind,
      value,
      c.file,
      c.row,
      c.field(column),
      c.spec.entity,
      c.ownId(),
    );
  else if (verdict === 'later')
    c.refs.waiting.add({
      kind,
      id: value,
      file: c.file,
      row: c.row,
      column: c.field(column),
      entity: c.spec.entity,
      ownId: c.ownId(),
    });
}

export function reportDuplicate(
  c: RowSite,
  column: string,
  id: string,
  first: { file: number; row: number },
) {
  c.findings.add(idDuplicate, 'row', {
    file: c.file,
    row: c.row,
    entity: c.spec.entity,
    id,
    field: c.field(column),
    value: id,
    detail: `first at ${c.fileNames[first.file]} row ${first.row}`,
  });
}

export function reportEnrollmentSchool(c: RowSite, column: string, why: string): void {
  c.findings.add(enrollmentSchool, 'row', {
    file: c.file,
    row: c.row,
    entity: c.spec.entity,
    field: c.field(column),
    value: c.get(column),
    detail: why,
  });
}

export function reportDelta(c: RowSite, column: string, file: string): void {
  c.findings.add(deltaExport, 'row', {
    file: c.file,
    row: c.row,
    entity: c.spec.entity,
    field: c.field(column),
    value: file,
  });
}

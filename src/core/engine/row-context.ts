/** The engine's side of RowContext: turns an adapter's declarations into stage-1 findings. */
import type { FileSpec, RecordKind, RowContext } from '../formats/types.ts';
import { CsvRecord } from '../input/csv-record.ts';
import { idDuplicate } from '../rules/formatting/id-duplicate.ts';
import { idMissing } from '../rules/formatting/id-missing.ts';
import { refUnknown } from '../rules/formatting/ref-unknown.ts';
import type { FindingCollector } from './collector.ts';
import type { References } from './references.ts';

export class RowCursor implements RowContext {
  record = new CsvRecord();
  row = 0;

  constructor(
    readonly file: number,
    private readonly spec: FileSpec,
    /** Spec column name → cell index in this file's header. */
    private readonly index: Record<string, number>,
    /** The column names as the file writes them (for findings). */
    private readonly headerNames: Record<string, string>,
    private readonly fileNames: readonly string[],
    private readonly findings: FindingCollector,
    private readonly refs: References,
  ) {}

  get(column: string): string {
    const i = this.index[column];
    return i === undefined ? '' : this.record.trimmed(i);
  }

  private field(column: string): string {
    return this.headerNames[column] ?? column;
  }

  private ownId(): string | null {
    return this.spec.defines ? this.get(this.spec.defines.column) || null : null;
  }

  /** A required column absent from the header: `header-missing` says so once, not an empty cell per row. */
  private headerLacks(column: string): boolean {
    return this.index[column] === undefined && this.spec.columns.some((c) => c.name === column && c.required);
  }

  id(column: string): string | null {
    const value = this.get(column);
    if (value || this.headerLacks(column)) return value || null;
    this.findings.add(idMissing, 'row', {
      file: this.file,
      row: this.row,
      entity: this.spec.entity,
      field: this.field(column),
    });
    return null;
  }

  ref(kind: RecordKind, column: string, options: { optional?: boolean; value?: string } = {}): string | null {
    const value = options.value ?? this.get(column);
    if (!value) {
      if (!options.optional && !this.headerLacks(column)) {
        this.findings.add(idMissing, 'row', {
          file: this.file,
          row: this.row,
          entity: this.spec.entity,
          id: this.ownId(),
          field: this.field(column),
        });
      }
      return null;
    }
    const verdict = this.refs.check(kind, value);
    if (verdict === 'unknown')
      reportUnknownRef(
        this.findings,
        this.refs,
        kind,
        value,
        this.file,
        this.row,
        this.field(column),
        this.spec.entity,
        this.ownId(),
      );
    else if (verdict === 'later')
      this.refs.waiting.push({
        kind,
        id: value,
        file: this.file,
        row: this.row,
        column: this.field(column),
        entity: this.spec.entity,
        ownId: this.ownId(),
      });
    return value;
  }

  duplicate(column: string, id: string, first: { file: number; row: number }): void {
    this.findings.add(idDuplicate, 'row', {
      file: this.file,
      row: this.row,
      entity: this.spec.entity,
      id,
      field: this.field(column),
      value: id,
      detail: `first at ${this.fileNames[first.file]} row ${first.row}`,
    });
  }

  removed(kind: RecordKind, id: string): void {
    this.refs.remove(kind, id);
  }

  define(kind: RecordKind, id: string): boolean {
    return this.refs.define(kind, id);
  }
}

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
  const detail =
    kind === 'school' && refs.notASchool(value)
      ? 'is an organisation that is not a school'
      : `is not ${KIND_WORDS[kind]} defined in any file`;
  findings.add(refUnknown, 'row', { file, row, entity, id, field, value, detail });
}

/** The engine's side of RowContext: turns an adapter's declarations into stage-1 findings. */
import type { FileSpec, RecordKind, RefOptions, RowContext } from '../formats/types.ts';
import { CsvRecord } from '../input/csv-record.ts';
import { idMissing } from '../rules/formatting/id-missing.ts';
import type { FindingCollector } from './collector.ts';
import { ManifestProperties } from './manifest-properties.ts';
import { recordConflict } from './record-conflict.ts';
import type { References } from './references.ts';
import {
  checkUnresolved,
  reportDelta,
  reportDuplicate,
  reportEnrollmentSchool,
  type RowSite,
} from './row-findings.ts';

/** The options of a reference that gives none: one object, not a new one per row and reference. */
const NO_OPTIONS: RefOptions = Object.freeze({});

/** Kinds whose records have an index in the roster. */
type IndexedKind = 'school' | 'org' | 'person' | 'class';

export class RowCursor implements RowContext, RowSite {
  record = new CsvRecord();
  row = 0;
  /**
   * Per cell: the last value a reference resolved to a record, and that record. Consecutive rows
   * often repeat a reference (a student's enrollments, a section's school): compared in place,
   * without building a string or looking anything up.
   */
  private readonly lastValue: string[] = [];
  private readonly lastFound: Int32Array;
  /** The same for people, whose IDs are compared with the person's kept ID text. */
  private readonly lastPerson: Int32Array;
  private properties: ManifestProperties | null = null;

  constructor(
    readonly file: number,
    readonly spec: FileSpec,
    /** Spec column name → cell index in this file's header. */
    private readonly index: ReadonlyMap<string, number>,
    /** The column names as the file writes them (for findings). */
    private readonly headerNames: ReadonlyMap<string, string>,
    readonly fileNames: readonly string[],
    readonly findings: FindingCollector,
    readonly refs: References,
  ) {
    this.lastFound = new Int32Array(Math.max(0, ...index.values()) + 1).fill(-1);
    if (spec.defines && index.has(spec.defines.column))
      refs.damage.defines(file, headerNames.get(spec.defines.column) ?? spec.defines.column);
    this.lastPerson = new Int32Array(this.lastFound.length).fill(-1);
  }

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : this.record.trimmed(i);
  }

  is(column: string, lowerCase: string): boolean {
    const i = this.index.get(column);
    return i === undefined ? lowerCase === '' : this.record.cellIsLowerCase(i, lowerCase);
  }

  field(column: string): string {
    return this.headerNames.get(column) ?? column;
  }

  ownId(): string | null {
    return this.spec.defines ? this.get(this.spec.defines.column) || null : null;
  }

  /** A required column absent from the header: `header-missing` says so once, not an empty cell per row. */
  private headerLacks(column: string): boolean {
    return !this.index.has(column) && this.spec.columns.some((c) => c.name === column && c.required);
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

  hasId(column: string): boolean {
    const i = this.index.get(column);
    if (i !== undefined && this.record.plainCell(i)) return true;
    return this.id(column) !== null;
  }

  ref(kind: RecordKind, column: string, options: RefOptions = NO_OPTIONS): string | null {
    const value = options.value ?? this.get(column);
    if (!value) {
      this.missing(column, options);
      return null;
    }
    if (this.refs.indexOf(kind, value) < 0) this.check(kind, value, column);
    return value;
  }

  refIndex(kind: IndexedKind, column: string, options: RefOptions = NO_OPTIONS): number {
    const cell = options.value === undefined ? this.index.get(column) : undefined;
    if (cell !== undefined && this.lastFound[cell] >= 0 && this.record.cellIs(cell, this.lastValue[cell]))
      return this.lastFound[cell];
    if (kind === 'person' && cell !== undefined && this.record.plainCell(cell)) {
      // The usual case, a person found: looked up where the cell is, no string made.
      const { text, at, end } = this.record;
      const people = this.refs.people;
      const last = this.lastPerson[cell];
      if (last >= 0 && people.idIsAt(last, text, at, end)) return last;
      const found = people.findAt(text, at, end);
      if (found >= 0) return (this.lastPerson[cell] = found);
    }
    const value = options.value ?? (cell === undefined ? '' : this.record.trimmed(cell));
    if (!value) {
      this.missing(column, options);
      return -1;
    }
    const found = this.refs.indexOf(kind, value);
    if (found < 0) this.check(kind, value, column);
    else if (cell !== undefined) {
      this.lastValue[cell] = value;
      this.lastFound[cell] = found;
    }
    return found;
  }

  /** An empty reference: `id-missing`, unless it is optional or its column is missing altogether. */
  private missing(column: string, options: RefOptions): void {
    if (options.optional || this.headerLacks(column)) return;
    this.findings.add(idMissing, 'row', {
      file: this.file,
      row: this.row,
      entity: this.spec.entity,
      id: this.ownId(),
      field: this.field(column),
    });
  }

  private check(kind: RecordKind, value: string, column: string): void {
    checkUnresolved(this, kind, value, column);
  }

  duplicate(column: string, id: string, first: { file: number; row: number }): void {
    reportDuplicate(this, column, id, first);
  }

  removed(kind: RecordKind, id: string): void {
    this.refs.remove(kind, id);
  }

  define(kind: RecordKind, id: string, label?: string): boolean {
    return this.refs.define(kind, id, label);
  }

  enrollmentSchool(column: string, why: string): void {
    reportEnrollmentSchool(this, column, why);
  }

  repeated(column: string, person: number, first: string, ignoreCase = false): void {
    const cell = this.index.get(column);
    if (cell === undefined || this.record.cellIs(cell, first)) return;
    const value = this.record.trimmed(cell);
    if (value === first || (ignoreCase && value.toLowerCase() === first.toLowerCase())) return;
    recordConflict(this.findings, this.refs.people, person, {
      file: this.file,
      row: this.row,
      entity: this.spec.entity,
      field: this.field(column),
      first,
      value,
    });
  }

  delta(column: string, file: string): void {
    reportDelta(this, column, file);
  }

  property(column: string, known: readonly string[]): void {
    this.properties ??= new ManifestProperties(this.file, this.spec.entity, this.field(column));
    this.properties.add(this.get(column), this.row, known);
  }

  /** After the file's last row: what needed the whole file (manifest property names). */
  finish(): void {
    this.properties?.finish(this.findings);
  }
}

/**
 * Finds what a spreadsheet did to the files (`spreadsheet-damage`): cells that show it by
 * themselves are spotted as rows stream by (a few character checks per cell; mojibake only where
 * the text holds `Ã`, `Â` or `â` at all), and references that fail to resolve are tried once more
 * with leading zeros put back or `.0` taken off. Nothing is kept per row: only counts and the
 * first rows of each file and column, so memory stays flat at any district size. At the end the
 * findings the damage explains (a `ref-unknown`, `id-duplicate`, `phone-unsupported`…) get a link.
 */
import type { CsvRecord } from '../input/csv-record.ts';
import type { RecordKind } from '../formats/types.ts';
import type { RawCause } from '../model/finding.ts';
import type { Roster } from '../model/roster.ts';
import {
  cellDamage,
  isMojibake,
  undoMojibake,
  type DamageReason,
} from '../rules/formatting/spreadsheet-damage.ts';
import type { FindingCollector } from './collector.ts';
import { DamageGroups } from './damage-groups.ts';

/** Longest ID tried with zeros put back. */
const MAX_PADDED = 24;
const DIGITS = /^\d+$/;
const DECIMAL = /^\d+\.0+$/;
const MOJIBAKE_LEADS = ['\u00c3', '\u00c2', '\u00e2'];

interface Lookup {
  indexOf(kind: RecordKind, id: string): number;
}

export class DamageTracker {
  private readonly groups: DamageGroups;
  private readonly definingColumn = new Map<number, string>();
  /** Files read as Windows-1252 from some row on: mojibake there is the `encoding` finding's job. */
  private readonly windows1252 = new Set<number>();
  private scanned = '';
  private leads: number[] = [];
  private lead = 0;
  private lastRowStart = -1;

  constructor(private readonly roster: Roster) {
    this.groups = new DamageGroups(roster);
  }

  get found(): boolean {
    return this.groups.size > 0;
  }

  /** The header name of the column whose cells define the file's records. */
  defines(file: number, column: string): void {
    this.definingColumn.set(file, column);
  }

  /** The rest of the file is read as Windows-1252 (rows from here on). */
  readAsWindows1252(file: number): void {
    this.windows1252.add(file);
  }

  /** One well-formed data row: cells that are damage by themselves. */
  scanRow(file: number, record: CsvRecord, header: readonly string[] | null): void {
    const { text, starts, ends, length } = record;
    for (let i = 0; i < length; i++) {
      const s = starts[i];
      const e = ends[i];
      if (e - s < 4) continue;
      // Only cells that could be damage are made into strings: `#…`, `…E+dd`, `d-Mon`, `dd-Mon`, `Mon-dd`.
      if (
        text.charCodeAt(s) !== 35 &&
        text.charCodeAt(e - 3) !== 43 &&
        (e - s > 6 || (text.charCodeAt(e - 4) !== 45 && text.charCodeAt(s + 3) !== 45))
      )
        continue;
      const value = record.trimmed(i);
      const reason = cellDamage(value);
      if (reason) this.groups.note(file, columnName(header, i), reason, record.row, value);
    }
    if (!this.windows1252.has(file)) this.scanMojibake(file, record, header);
  }

  private scanMojibake(file: number, record: CsvRecord, header: readonly string[] | null): void {
    const { text, starts, ends, length } = record;
    if (length === 0) return;
    if (text !== this.scanned) {
      this.scanned = text;
      this.leads = leadPositions(text);
      this.lead = 0;
    }
    const rowStart = starts[0];
    const rowEnd = ends[length - 1];
    if (rowStart < this.lastRowStart) this.lead = 0;
    this.lastRowStart = rowStart;
    const leads = this.leads;
    while (this.lead < leads.length && leads[this.lead] < rowStart) this.lead++;
    if (this.lead >= leads.length || leads[this.lead] >= rowEnd) return;
    for (let i = 0; i < length; i++) {
      let k = this.lead;
      while (k < leads.length && leads[k] < starts[i]) k++;
      if (k >= leads.length || leads[k] >= ends[i]) continue;
      const value = record.trimmed(i);
      if (!isMojibake(value)) continue;
      this.groups.note(file, null, 'mojibake', record.row, value, {
        original: undoMojibake(value),
        column: columnName(header, i),
      });
    }
  }

  /**
   * A reference that resolves to nothing: whether it matches a defined ID once the spreadsheet's
   * change is undone. Returns the link for the `ref-unknown` finding, or null.
   */
  explainRef(
    refs: Lookup,
    kind: RecordKind,
    value: string,
    file: number,
    row: number,
    field: string,
  ): RawCause | null {
    if (kind !== 'person' && kind !== 'class' && kind !== 'school' && kind !== 'org') return null;
    if (DIGITS.test(value)) {
      // With zeros, the defining file more likely lost them (and a whole file of such references stays cheap).
      const stripped = value.replace(/^0+/, '');
      if (stripped !== value && stripped !== '') {
        const cause = this.definedAs(refs, kind, stripped, value, 'lost-leading-zeros', file, row);
        if (cause) return cause;
      }
      const known = this.groups.get(file, field, 'lost-leading-zeros');
      const tryWidth = (w: number) => {
        const padded = '0'.repeat(w - value.length) + value;
        return refs.indexOf(kind, padded) >= 0 ? padded : null;
      };
      let padded = known && known.width > value.length ? tryWidth(known.width) : null;
      for (let w = value.length + 1; !padded && w <= MAX_PADDED; w++) padded = tryWidth(w);
      if (padded) {
        const g = this.groups.note(file, field, 'lost-leading-zeros', row, value, { original: padded });
        g.width = padded.length;
        return { reason: 'lost-leading-zeros', file, field, other: padded, definition: false };
      }
      return this.definedAs(refs, kind, value + '.0', value, 'decimal-id', file, row);
    }
    if (DECIMAL.test(value)) {
      const whole = value.slice(0, value.indexOf('.'));
      if (refs.indexOf(kind, whole) >= 0) {
        this.groups.note(file, field, 'decimal-id', row, value, { original: whole });
        return { reason: 'decimal-id', file, field, other: whole, definition: false };
      }
    }
    return null;
  }

  /** The damage is in the defining file: it has `defined` where this reference has `value`. */
  private definedAs(
    refs: Lookup,
    kind: RecordKind,
    defined: string,
    value: string,
    reason: DamageReason,
    file: number,
    row: number,
  ): RawCause | null {
    const index = refs.indexOf(kind, defined);
    if (index < 0) return null;
    const where = this.origin(kind, index);
    const field = this.definingColumn.get(where.file) ?? null;
    const seenIn = `${this.roster.files[file]} row ${row}`;
    this.groups.note(where.file, field, reason, where.row, defined, {
      original: value,
      definition: true,
      seenIn,
    });
    return { reason, file: where.file, field, other: defined, definition: true };
  }

  private origin(kind: RecordKind, index: number): { file: number; row: number } {
    const r = this.roster;
    if (kind === 'person') return { file: r.people.file(index), row: r.people.row(index) };
    if (kind === 'class') return r.classes[index];
    return r.schools[index];
  }

  /** Adds the `spreadsheet-damage` findings, then links the findings they explain. */
  finish(findings: FindingCollector): void {
    this.groups.finish(findings);
  }
}

function columnName(header: readonly string[] | null, i: number): string {
  return header?.[i] || `column ${i + 1}`;
}

/** Where the text has a character that starts UTF-8 mojibake, in order. */
function leadPositions(text: string): number[] {
  const out: number[] = [];
  for (const ch of MOJIBAKE_LEADS)
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out.push(i);
  return out.length > 1 ? out.sort((a, b) => a - b) : out;
}

/**
 * The spreadsheet damage found so far, one group per file, column and kind of damage: a count and
 * the first rows, never a list per row. At the end each group becomes a `spreadsheet-damage`
 * finding, and the findings the damage explains get a link to it.
 */
import type { RawFinding } from '../model/finding.ts';
import type { Roster } from '../model/roster.ts';
import {
  cellDamage,
  damageDetail,
  spreadsheetDamage,
  type DamageCount,
  type DamageReason,
} from '../rules/formatting/spreadsheet-damage.ts';
import type { FindingCollector } from './collector.ts';

const FIRST_ROWS = 5;

/** A file and column's damage of one kind: the finding's facts, and where they are. */
export interface DamageGroup extends DamageCount {
  file: number;
  field: string | null;
  rows: number[];
  /** lost-leading-zeros: the length the last padded reference had (tried first next time). */
  width: number;
}

const FIELD_WORDS: Record<string, string[]> = {
  phone: ['phone', 'sms', 'mobile'],
  dob: ['dob', 'birth'],
  email: ['email'],
};

const keyOf = (file: number, field: string | null, reason: DamageReason) =>
  `${file}\u0000${field ?? ''}\u0000${reason}`;

export class DamageGroups {
  private readonly groups = new Map<string, DamageGroup>();

  constructor(private readonly roster: Roster) {}

  get size(): number {
    return this.groups.size;
  }

  get(file: number, field: string | null, reason: DamageReason): DamageGroup | undefined {
    return this.groups.get(keyOf(file, field, reason));
  }

  note(
    file: number,
    field: string | null,
    reason: DamageReason,
    row: number,
    example: string,
    extra: Partial<DamageGroup> = {},
  ): DamageGroup {
    const key = keyOf(file, field, reason);
    let g = this.groups.get(key);
    if (!g) {
      const fresh: DamageGroup = {
        ...{
          file,
          field,
          reason,
          count: 0,
          rows: [],
          moreRows: false,
          example,
          original: null,
          column: null,
        },
        ...{ definition: false, seenIn: null, width: 0, ...extra },
      };
      this.groups.set(key, (g = fresh));
    }
    g.count++;
    if (!g.rows.includes(row)) {
      if (g.rows.length < FIRST_ROWS) g.rows.push(row);
      else g.moreRows = true;
    }
    return g;
  }

  /** Adds the `spreadsheet-damage` findings, then links the findings they explain. */
  finish(findings: FindingCollector): void {
    if (this.groups.size === 0) return;
    const before = findings.raw.length;
    for (const g of this.groups.values()) {
      const rows = [...g.rows].sort((a, b) => a - b);
      findings.add(spreadsheetDamage, 'row', {
        file: g.file,
        row: rows[0],
        entity: 'file',
        reason: g.reason,
        field: g.field,
        value: g.example,
        detail: damageDetail({ ...g, rows }),
      });
    }
    for (let i = 0; i < before; i++) this.link(findings.raw[i]);
  }

  /** A finding whose value is itself damage comes from the damaged column it was read from. */
  private link(f: RawFinding): void {
    if (f.because || f.value === null) return;
    const reason = cellDamage(f.value);
    if (!reason) return;
    const file =
      f.file >= 0
        ? f.file
        : f.subject === 'person'
          ? this.roster.people.file(f.index)
          : f.subject === 'class'
            ? this.roster.classes[f.index].file
            : -1;
    const exact = f.subject === 'row' ? this.get(file, f.field, reason) : undefined;
    const g = exact ?? this.bestGroup(reason, file, f.field);
    if (g) f.because = { reason, file: g.file, field: g.field, other: null, definition: false };
  }

  /** Of the columns damaged this way, the one most likely to hold the value: same file, a matching name. */
  private bestGroup(reason: DamageReason, file: number, field: string | null): DamageGroup | undefined {
    let best: DamageGroup | undefined;
    let bestScore = -1;
    const words = field ? (FIELD_WORDS[field] ?? [field.toLowerCase()]) : [];
    for (const g of this.groups.values()) {
      if (g.reason !== reason) continue;
      const name = (g.field ?? '').toLowerCase();
      const score = (g.file === file ? 2 : 0) + (words.some((w) => name.includes(w)) ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    return best;
  }
}

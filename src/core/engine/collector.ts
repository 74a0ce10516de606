import { rawFinding, type RawFinding, type Subject } from '../model/finding.ts';
import type { Rule } from '../rules/rule.ts';
import { own } from '../model/roster.ts';

const MAX_VALUE_CHARS = 300;

/** A finding whose detail grows as rows are read: its parts, and how many more were left unlisted. */
export interface OpenFinding {
  finding: RawFinding;
  parts: string[];
  more: number;
}

/** Keeps findings compact while the engine runs; the report materialises them. */
export class FindingCollector {
  readonly raw: RawFinding[] = [];
  /** Findings that later rows add to (record-conflict lists every row that disagrees), by key. */
  readonly open = new Map<string, OpenFinding>();

  /** `index` (a person or class) overrides `fields.index`: the data rules pass it without a copy of their fields. */
  add(rule: Rule, subject: Subject, fields: Partial<RawFinding>, index = -1): RawFinding {
    const finding = rawFinding(rule.code, subject, fields);
    if (index >= 0) finding.index = index;
    // Copies, so a finding does not keep the file chunk its texts were cut from.
    const value = finding.value;
    if (value !== null)
      finding.value = own(value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) + '…' : value);
    if (finding.id !== null) finding.id = own(finding.id);
    this.raw.push(finding);
    return finding;
  }
}

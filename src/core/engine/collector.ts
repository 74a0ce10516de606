import { rawFinding, type RawFinding, type Subject } from '../model/finding.ts';
import type { Rule } from '../rules/rule.ts';

const MAX_VALUE_CHARS = 300;

/** Keeps findings compact while the engine runs; the report materialises them. */
export class FindingCollector {
  readonly raw: RawFinding[] = [];

  add(rule: Rule, subject: Subject, fields: Partial<RawFinding>): void {
    const value = fields.value;
    if (value && value.length > MAX_VALUE_CHARS)
      fields = { ...fields, value: value.slice(0, MAX_VALUE_CHARS) + '…' };
    this.raw.push(rawFinding(rule.code, subject, fields));
  }
}

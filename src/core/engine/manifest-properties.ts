/**
 * The property names a manifest file writes, checked once the whole file is read: a name that is
 * none of the format's but probably meant one the file lacks (`fiel.demographics`) would otherwise
 * be ignored without a word.
 */
import { headerMissing } from '../rules/formatting/header-missing.ts';
import type { FindingCollector } from './collector.ts';
import { nearMisses } from './near-miss.ts';

export class ManifestProperties {
  private readonly written: Array<{ name: string; row: number }> = [];
  private known: readonly string[] = [];

  constructor(
    private readonly file: number,
    private readonly entity: string,
    private readonly field: string,
  ) {}

  add(name: string, row: number, known: readonly string[]): void {
    this.known = known;
    if (name) this.written.push({ name, row });
  }

  /** `header-missing` (reason `manifest-property`) for each name that probably stands for a lacking one. */
  finish(findings: FindingCollector): void {
    const names = new Set(this.written.map((w) => w.name));
    const lacking = this.known.filter((k) => !names.has(k));
    const meant = new Map(nearMisses(lacking, [...names], this.known));
    for (const { name, row } of this.written) {
      const property = meant.get(name);
      if (property === undefined) continue;
      meant.delete(name); // a name written twice is reported on its first row
      findings.add(headerMissing, 'row', {
        file: this.file,
        row,
        entity: this.entity,
        reason: 'manifest-property',
        field: this.field,
        value: name,
        detail: property,
      });
    }
  }
}

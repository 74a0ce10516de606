import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, DATA_RULES, FORMATTING_RULES } from './registry.ts';

const here = import.meta.dirname;
/** Modules beside the rules that are not rules themselves. */
const HELPERS = new Set(['rule.ts', 'registry.ts', 'dates.ts', 'account.ts', 'keeper.ts']);
const ruleFiles = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f));

describe('rule registry', () => {
  it('registers every rule file, under the code it is named after', async () => {
    const codes = new Set(ALL_RULES.map((r) => r.code));
    const files = [
      ...ruleFiles(here).map((f) => ({ dir: here, f })),
      ...ruleFiles(join(here, 'formatting')).map((f) => ({ dir: join(here, 'formatting'), f })),
    ];
    for (const { dir, f } of files) {
      const code = f.replace(/\.ts$/, '');
      const mod = await import(join(dir, f));
      const exported = Object.values(mod).find((v) => typeof v === 'object' && v !== null && 'code' in v) as
        { code: string } | undefined;
      expect(exported, `${f} exports a rule`).toBeDefined();
      expect(exported!.code).toBe(code);
      expect(codes.has(code), `${code} is in the registry`).toBe(true);
    }
    expect(files.length).toBe(ALL_RULES.length);
  });

  it('keeps each stage sorted and codes unique', () => {
    const sorted = (list: readonly { code: string }[]) =>
      list.map((r) => r.code).every((c, i, a) => i === 0 || a[i - 1] < c);
    expect(sorted(FORMATTING_RULES)).toBe(true);
    const order = ['error', 'alert', 'hold'];
    for (const severity of order)
      expect(sorted(DATA_RULES.filter((r) => r.severity === severity))).toBe(true);
    expect(DATA_RULES.map((r) => order.indexOf(r.severity))).toEqual(
      [...DATA_RULES.map((r) => order.indexOf(r.severity))].sort(),
    );
    expect(new Set(ALL_RULES.map((r) => r.code)).size).toBe(ALL_RULES.length);
  });

  it('gives every rule a title, an explanation and a fix for each reason', () => {
    for (const rule of ALL_RULES) {
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.explanation.length).toBeGreaterThan(20);
      const reasons = 'reasons' in rule ? (rule.reasons ?? []) : [];
      for (const reason of reasons) {
        const fix = typeof rule.fix === 'string' ? rule.fix : (rule.fix[reason] ?? rule.fix.default);
        expect(fix, `${rule.code}/${reason}`).toBeTruthy();
      }
    }
  });
});

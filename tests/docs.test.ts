/**
 * The admin documentation matches the code: one page per rule (titled as the rule, with its
 * severity, blocking and reasons), one page per format (its files table equal to the adapter's
 * FileSpecs), an index linking them all, and no link to a page that does not exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../src/core/formats/registry.ts';
import type { FileSpec } from '../src/core/formats/types.ts';
import { ALL_RULES } from '../src/core/rules/registry.ts';

const DOCS = resolve(import.meta.dirname, '../docs');
const read = (path: string) => readFileSync(join(DOCS, path), 'utf8');
const pagesIn = (dir: string) =>
  readdirSync(join(DOCS, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3));

const firstHeading = (md: string) => /^# (.+)$/m.exec(md)?.[1].trim();
/** The value after `**Name:**` on the page's summary line, up to the next `·`. */
const summaryField = (md: string, name: string) =>
  new RegExp(`\\*\\*${name}:\\*\\* ([^·\\n]+)`).exec(md)?.[1].trim();
const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const prose = (md: string) =>
  md
    .replace(/```[\s\S]*?```/g, '')
    .split(/\s+/)
    .filter(Boolean).length;

describe('rule pages', () => {
  it.each(ALL_RULES.map((r) => [r.code, r] as const))('%s has a page that matches the rule', (code, rule) => {
    const md = read(`rules/${code}.md`);
    expect(firstHeading(md)).toBe(rule.title);
    expect(summaryField(md, 'Code')).toBe(`\`${code}\``);
    expect(summaryField(md, 'Severity')).toBe(rule.severity);
    // Remind's own name for the type, so the admin can match its dashboard; only Remind's types have one.
    const remindName = /^\*\*In Remind’s dashboard:\*\* “([^”]+)”/m.exec(md)?.[1];
    expect(remindName).toBe(rule.remindName);
    if (rule.severity === 'formatting') {
      // file-missing blocks except for its `optional` reason; the page says "yes (except …)".
      expect(summaryField(md, 'Blocks the sync')?.split(' ')[0]).toBe(rule.blocks('required') ? 'yes' : 'no');
    } else {
      for (const reason of rule.reasons ?? []) expect(md).toContain(`\`${reason}\``);
    }
    if (typeof rule.fix === 'object')
      for (const reason of Object.keys(rule.fix)) expect(md).toContain(`\`${reason}\``);
    expect(md).toMatch(/^## How to fix it in the SIS$/m);
    expect(prose(md)).toBeGreaterThanOrEqual(150);
    expect(prose(md)).toBeLessThanOrEqual(400);
  });

  it('has no page for a code that is not registered', () => {
    const codes = new Set(ALL_RULES.map((r) => r.code));
    expect(pagesIn('rules').filter((page) => !codes.has(page))).toEqual([]);
  });
});

const REQUIRED_WORD: Record<FileSpec['required'], string> = {
  yes: 'yes',
  soft: 'recommended',
  no: 'optional',
};

/** Rows of the table under "## Files": file name, required word, required and optional columns. */
function filesTable(md: string) {
  const section = md.split(/^## Files$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('|'));
  return rows.slice(2).map((row) => {
    const cells = row.split('|').slice(1, -1);
    return {
      name: backticked(cells[0])[0],
      required: cells[1].trim().split(/[ ,]/)[0],
      requiredColumns: backticked(cells[2]).sort(),
      optionalColumns: backticked(cells[3]).sort(),
    };
  });
}

describe('format pages', () => {
  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s has a page whose files table is the adapter’s',
    (id, adapter) => {
      const md = read(`formats/${id}.md`);
      expect(firstHeading(md)).toBe(adapter.label);
      expect(summaryField(md, 'Format id')).toBe(`\`${id}\``);
      const expected = adapter.files.map((spec) => ({
        name: spec.name,
        required: REQUIRED_WORD[spec.required],
        requiredColumns: spec.columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .sort(),
        optionalColumns: spec.columns
          .filter((c) => !c.required)
          .map((c) => c.name)
          .sort(),
      }));
      expect(filesTable(md)).toEqual(expected);
      expect(md.includes('layout reconstructed')).toBe(adapter.reconstructed);
      expect(summaryField(md, 'Column names')?.startsWith('exact')).toBe(adapter.headerCase === 'exact');
    },
  );

  it('has no page for a format that does not exist', () => {
    expect(pagesIn('formats').sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
});

describe('index and links', () => {
  const index = read('index.md');
  const linksOf = (md: string) =>
    [...md.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1])
      .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href));

  it('links to every rule and format page', () => {
    const links = new Set(linksOf(index));
    const pages = [
      ...pagesIn('rules').map((p) => `rules/${p}.md`),
      ...pagesIn('formats').map((p) => `formats/${p}.md`),
    ];
    expect(pages.filter((p) => !links.has(p))).toEqual([]);
  });

  it('says of each formatting rule whether it blocks, as the rule does', () => {
    for (const rule of ALL_RULES) {
      if (rule.severity !== 'formatting') continue;
      const line = index.split('\n').find((l) => l.includes(`(rules/${rule.code}.md)`));
      expect(line, rule.code).toMatch(rule.blocks('required') ? /\): blocks/ : /\): does not block/);
    }
  });

  it('links only to pages that exist', () => {
    const all = [
      'index.md',
      ...pagesIn('rules').map((p) => `rules/${p}.md`),
      ...pagesIn('formats').map((p) => `formats/${p}.md`),
    ];
    const broken = all.flatMap((page) =>
      linksOf(read(page))
        .map((href) => href.split('#')[0])
        .filter((target) => target !== '' && !existsSync(join(DOCS, normalize(join(dirname(page), target)))))
        .map((target) => `${page} → ${target}`),
    );
    expect(broken).toEqual([]);
  });
});

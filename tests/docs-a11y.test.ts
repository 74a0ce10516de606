// @vitest-environment jsdom
/** The rendered documentation pages pass axe's checks (colour contrast aside: jsdom does no layout). */
import { resolve } from 'node:path';
import axe from 'axe-core';
import { expect, it } from 'vitest';
import { buildDocsSite } from '../scripts/docs-site.ts';

const site = buildDocsSite(resolve(import.meta.dirname, '../docs'));

it.each(['index.html', 'rules/student-dob.html', 'formats/oneroster-1.2.html'])(
  '%s has no accessibility violation',
  async (path) => {
    document.open();
    document.write(site.get(path)!);
    document.close();
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('main h1')).not.toBeNull();
    const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.passes.length).toBeGreaterThan(10);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
  },
);

/**
 * axe-core on the start page, the report and a school's detail (its finding types open, records
 * shown), at 1280×800 and at a 375 px phone width: no serious or critical violation anywhere.
 *
 * axe is injected as a <script>, which the page's own policy refuses, so these sessions bypass the
 * policy (csp.e2e.ts proves the app runs under it).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, openApp, openSchool, PHONE, runSample, shownSchools } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The serious and critical violations on the page as it is now, in a readable form. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: Violation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!hasBrowser())('accessibility (axe-core)', () => {
  describe.each([
    ['1280×800', DESKTOP],
    ['375 px', PHONE],
  ] as const)('at %s', (_, viewport) => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession({ viewport, bypassCSP: true });
    });
    afterAll(() => session?.close());

    it('the start page', async () => {
      await openApp(session.page);
      expect(await seriousViolations(session.page)).toEqual([]);
    });

    it('the report of the sample district', async () => {
      await runSample(session.page);
      expect(await seriousViolations(session.page)).toEqual([]);
    });

    it('the report with every finding type’s details open', async () => {
      const { page } = session;
      const details = page.getByRole('button', { name: 'Details', exact: true });
      // Each press turns its button into "Hide details", so the first one left is always the next.
      for (let left = await details.count(); left > 0; left--) await details.first().click();
      expect(await details.count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('a school’s detail, with its records shown', async () => {
      const { page } = session;
      const [school] = (await shownSchools(page)).sort((a, b) => b.errors - a.errors);
      await openSchool(page, school.name);
      await page
        .getByRole('button', { name: /^Show \d+ records?$/ })
        .first()
        .click();
      await page
        .getByRole('table', { name: /^Records:/ })
        .first()
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('sent nothing to any other origin and logged no error', () => {
      expect(session.foreign()).toEqual([]);
      expect(session.problems()).toEqual([]);
    });
  });
});

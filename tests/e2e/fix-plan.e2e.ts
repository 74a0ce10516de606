/**
 * The fix plan, the count links, Download all (.zip) and printing, in the built app: a generated
 * district with planted root causes is checked through the files picker, as a person would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedCauses } from '../fixtures/planted-causes.ts';
import { causeFileName } from '../../src/core/report/csv.ts';
import { chooseFiles, DESKTOP, openApp, schoolsTable, screenshot, tempDir, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('the fix plan and what goes with it', () => {
  const planted = plantedCauses();
  let session: Session;
  beforeAll(async () => {
    const dir = tempDir('fix-plan');
    const paths = Object.entries(planted.files).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    session = await openSession({ viewport: DESKTOP });
    await openApp(session.page);
    await chooseFiles(session.page, paths);
    await waitForReport(session.page);
  });
  afterAll(() => session?.close());

  it('lists exactly the planted causes, above the Schools table, with their knock-on', async () => {
    const page = session.page;
    const plan = page.getByRole('region', { name: 'Fix plan' });
    await screenshot(page, 'fix-plan');
    const items = plan.getByRole('listitem');
    expect(await items.count()).toBe(planted.expected.length);
    for (const [k, c] of planted.expected.entries()) {
      const text = (await items.nth(k).textContent())!;
      expect(text).toContain(c.code);
      expect(text).toContain(`clears ${(c.findings + c.knockOn).toLocaleString('en-US')}`);
    }
    const [planBox, tableBox] = [await plan.boundingBox(), await schoolsTable(page).boundingBox()];
    expect(planBox!.y).toBeLessThan(tableBox!.y);
    const email = planted.expected.findIndex((c) => c.code === 'teacher-email');
    await items
      .nth(email)
      .getByRole('button', { name: /Show the records/ })
      .click();
    const because = items.nth(email).getByRole('cell', { name: /because teacher \S+ has no email address/ });
    await because.first().waitFor();
    expect(await because.count()).toBe(planted.expected[email].knockOn);
  });

  it('the Errors count opens the school at its errors', async () => {
    const page = session.page;
    await schoolsTable(page)
      .getByRole('button', { name: /^[\d,]+ errors$/ })
      .first()
      .click();
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(focused).toMatch(/^Errors \(/);
    await page.getByRole('button', { name: 'All schools' }).click();
  });

  it('Download all gives every CSV the page offers in one zip named after the district and date', async () => {
    const page = session.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^roster-check-[\w-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const names = Object.keys(entries);
    expect(names).toContain('district-all.csv');
    expect(names.some((n) => /^school-.+-teacher-email\.csv$/.test(n))).toBe(true);
    // The district's file of each formatting type (File problems) and of each cause (the fix plan).
    expect(names).toEqual(expect.arrayContaining(['district-row-columns.csv', 'district-file-missing.csv']));
    expect(names).toEqual(expect.arrayContaining(planted.expected.map((c, k) => causeFileName(k, c))));
    const district = strFromU8(entries['district-all.csv']).trim().split(/\r\n/);
    const total = planted.expected.reduce((n, c) => n + c.findings + c.knockOn, 0);
    expect(district.length - 1).toBe(total);
  });

  it('prints the report without its controls, and the summary alone', async () => {
    const page = session.page;
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('region', { name: 'Fix plan' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Roster files', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download all (.zip)' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => (window.print = () => {}));
    await page.getByRole('button', { name: 'Print summary' }).click();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-summary');
    const summary = page.getByLabel('Summary as Markdown');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain('# Roster Check summary');
    expect(await page.getByRole('region', { name: 'Fix plan' }).isVisible()).toBe(false);
    expect(await schoolsTable(page).isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.getByRole('region', { name: 'Fix plan' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

/**
 * A district of 100 000 schools: the Schools table draws one page of rows (never all of them), still
 * counts every school as a row for assistive technology, filters over all of them as the text grows
 * and shrinks, a far school is reached with the keyboard alone, and the run kept in the History
 * (its schools packed) shows every school again. (Speed is measured by `npm run bench:schools`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ROWS } from '../../src/app/schools/pages.ts';
import { manySchoolsDistrict } from '../fixtures/many-schools.ts';
import { dropFiles, openApp, schoolsTable, screenshot, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const N = 100_000;

describe.skipIf(!hasBrowser())('a district of 100 000 schools', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    const { page } = session;
    await openApp(page);
    const files = Object.entries(manySchoolsDistrict(N)).map(([name, text]) => ({
      name,
      mimeType: 'text/csv',
      bytes: new TextEncoder().encode(text),
    }));
    await dropFiles(page, files);
    await waitForReport(page, 180_000);
  }, 240_000);
  afterAll(() => session?.close());

  const bodyRows = () => schoolsTable(session.page).locator('tbody tr');

  it('draws one page of rows and counts every school as a row', async () => {
    const table = schoolsTable(session.page);
    await expect(bodyRows().count()).resolves.toBe(PAGE_ROWS);
    await expect(table.getAttribute('aria-rowcount')).resolves.toBe(String(N + 1));
    await expect(bodyRows().last().getAttribute('aria-rowindex')).resolves.toBe(String(PAGE_ROWS + 1));
    await session.page.getByText(`Schools 1–${PAGE_ROWS} of 100,000`).waitFor();
    await screenshot(session.page, 'many-schools');
  });

  it('filters over every school', async () => {
    const { page } = session;
    await page.getByLabel('Filter schools by name').fill('School 09876');
    await expect(bodyRows().count()).resolves.toBe(10); // 098760 … 098769
    await page.getByText('Showing 10 of 100,000 schools.').waitFor();
    await page.getByLabel('Filter schools by name').fill('');
    await expect(bodyRows().count()).resolves.toBe(PAGE_ROWS);
  });

  it('narrows as the filter text grows and widens as it shrinks, in the chosen order', async () => {
    const { page } = session;
    const box = page.getByLabel('Filter schools by name');
    await box.pressSequentially('school 0987');
    await page.getByText('Showing 100 of 100,000 schools.').waitFor();
    await box.press('5');
    await page.getByText('Showing 10 of 100,000 schools.').waitFor();
    await expect(bodyRows().locator('th').allTextContents()).resolves.toEqual(
      Array.from({ length: 10 }, (_, i) => `School 09875${i}`),
    );
    await box.press('Backspace');
    await box.press('Backspace');
    await page.getByText('Showing 1,000 of 100,000 schools.').waitFor();
    await expect(bodyRows().count()).resolves.toBe(PAGE_ROWS);
    await expect(bodyRows().first().locator('th').textContent()).resolves.toBe('School 098000');
    await box.fill('s09999'); // school IDs match too
    await page.getByText('Showing 10 of 100,000 schools.').waitFor();
    await box.fill('');
    await expect(bodyRows().count()).resolves.toBe(PAGE_ROWS);
  });

  it('reaches a far school with the keyboard: sorted Z→A, the last school is first', async () => {
    const { page } = session;
    const table = schoolsTable(page);
    await table.locator('thead button').first().focus(); // the School column's sort button
    await page.keyboard.press('Enter');
    await table.locator('tbody tr th').first().getByText('School 099999').waitFor();
    await page.getByRole('button', { name: 'Next schools' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByText(`Schools ${PAGE_ROWS + 1}–${(2 * PAGE_ROWS).toLocaleString('en-US')} of 100,000`)
      .waitFor();
    await expect(bodyRows().first().getAttribute('aria-rowindex')).resolves.toBe(String(PAGE_ROWS + 2));
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // Previous schools
    await table.locator('tbody tr th').first().getByText('School 099999').waitFor();
    expect(session.problems()).toEqual([]);
  });

  it('keeps the run in the History, and shows every school of it from there', async () => {
    const { page } = session;
    await page.getByText("Kept in this browser's history.").waitFor({ timeout: 60_000 });
    const cells = async (name: string) => {
      await page.getByLabel('Filter schools by name').fill(name);
      await expect(bodyRows().count()).resolves.toBe(1);
      return bodyRows().locator('td').allTextContents();
    };
    const live = [await cells('School 054321'), await cells('School 054322')];
    expect(live[0]).not.toEqual(live[1]); // one without a birth date, one with
    await page.getByRole('button', { name: 'History (1)' }).click();
    await page.getByRole('button', { name: /^Open the run of/ }).click();
    await page.getByRole('heading', { name: /^Run of / }).waitFor();
    const table = schoolsTable(page);
    await expect(table.getAttribute('aria-rowcount')).resolves.toBe(String(N + 1));
    await expect(bodyRows().first().locator('th').textContent()).resolves.toBe('School 000000');
    expect([await cells('School 054321'), await cells('School 054322')]).toEqual(live);
    expect(session.problems()).toEqual([]);
  });
});

/**
 * The History in the built app, issue 15's rest: a stored run lists its new and resolved findings
 * (made again from what the two runs kept) and downloads them as CSV; a run whose files name no
 * school is compared with the district the admin names, without reading the files again.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { district } from '../fixtures/worker-district.ts';
import { chooseFiles, openApp, tempDir, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const root = tempDir('history-lists');

function write(dir: string, files: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  });
}

const four = write(join(root, 'four'), district(4));
const one = write(join(root, 'one'), district(1));
const { 'schools.csv': _, ...withoutSchools } = district(2);
const schoolless = write(join(root, 'schoolless'), withoutSchools);

async function check(page: Page, paths: string[]): Promise<string> {
  await page.getByRole('button', { name: 'Check files' }).click();
  await chooseFiles(page, paths);
  await waitForReport(page);
  await page.getByText("Kept in this browser's history.").waitFor();
  return (await page.locator('.run-note').textContent()) ?? '';
}

describe.skipIf(!hasBrowser())(
  'the History: change lists of a stored run, the district of a schoolless run',
  () => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession();
      await openApp(session.page);
    });
    afterAll(() => session?.close());

    it('a stored run lists its resolved findings and downloads them as CSV', async () => {
      const { page } = session;
      await expect(check(page, four)).resolves.toMatch(/first run of this district/);
      await expect(check(page, one)).resolves.toMatch(/3 resolved, 1 new, \d+ unchanged since/); // the new one: a removal hold
      await page.getByRole('button', { name: 'History (2)' }).click();
      await page
        .getByRole('button', { name: /^Open the run of / })
        .first()
        .click();
      await page.getByRole('heading', { name: /^Run of / }).waitFor();
      await page.getByText('Resolved findings (3)').click();
      const rows = page.getByRole('table', { name: 'Resolved findings' }).getByRole('row');
      await expect(rows.count()).resolves.toBe(4);
      await expect(rows.nth(1).textContent()).resolves.toMatch(/teacher-email.*t001.*North/);
      const list = page.locator('details.change-list', { hasText: 'Resolved findings' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        list.getByRole('button', { name: /Download CSV/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/-district-resolved\.csv$/);
      const lines = readFileSync(await download.path(), 'utf8')
        .trim()
        .split('\r\n');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
        's1,North,error,teacher-email,missing,teacher,t001',
        's1,North,error,teacher-email,missing,teacher,t002',
        's1,North,error,teacher-email,missing,teacher,t003',
      ]);
      await page.getByRole('button', { name: 'Back to the history' }).click();
    });

    it('a run without schools is compared with the district the admin names', async () => {
      const { page } = session;
      const note = await check(page, schoolless);
      expect(note).toMatch(/its files name no school/);
      expect(note).not.toMatch(/Changes since/);
      await expect(page.getByLabel('District of this run').inputValue()).resolves.not.toBe('');
      await page.getByLabel('District of this run').selectOption({ label: 'North and South' });
      await page.getByRole('button', { name: 'Compare with this district' }).click();
      await page.getByText(/you said this run is of/).waitFor();
      await page.getByText("Kept in this browser's history.").waitFor();
      const compared = (await page.locator('.run-note').textContent()) ?? '';
      // Compared with the run of one teacher without email: t001 is new, and so are the missing
      // schools file and what it causes; that run's removal hold is resolved (no teacher gone since).
      expect(compared).toMatch(/Changes since the last run: 1 resolved, 3 new, \d+ unchanged since/);
      await page.getByRole('button', { name: 'History (3)' }).click();
      const table = page.getByRole('table', { name: 'Runs of North and South' });
      await expect(table.getByText('district named').count()).resolves.toBe(1);
      await expect(page.getByRole('table', { name: /^Runs of / }).count()).resolves.toBe(1);
      expect(session.foreign()).toEqual([]);
    });
  },
);

/**
 * Privacy, proven in the browser: a whole session of use (two checks of a district, every kind of
 * download, the History view, deleting one run, exporting, deleting everything) makes no request to
 * any other origin, and "Delete all history" leaves every IndexedDB store of the app empty.
 * (The Content-Security-Policy of the built index.html has its own test, csp.e2e.ts.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInMemory, planDistrict } from '../../src/core/generate/generate.ts';
import { DB_NAME } from '../../src/storage/schema.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';

const root = mkdtempSync(join(tmpdir(), 'roster-check-e2e-privacy-'));

function districtPaths(): string[] {
  const dir = join(root, 'district');
  mkdirSync(dir, { recursive: true });
  return [...generateInMemory(planDistrict({ format: 'clever', students: 300, seed: 11, schools: 3 }))].map(
    ([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
  );
}

/** Clicks a button that saves a file, and returns the file's bytes. */
async function downloaded(page: Page, button: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await download.path())!);
}

/** Records in each store of the app's database, as the page itself sees them. */
function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const counts: Record<string, number> = {};
    for (const store of db.objectStoreNames) {
      counts[store] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  }, DB_NAME);
}

describe.skipIf(!hasBrowser())('privacy in the browser', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a whole session of use sends nothing anywhere, and delete-all leaves every store empty', async () => {
    const { page } = session;
    await page.goto(baseURL());
    const paths = districtPaths();
    const schools = page.getByRole('table', { name: 'Schools' });
    const check = async () => {
      await page.getByRole('button', { name: 'Check files' }).click();
      await page.getByLabel('Roster files', { exact: true }).setInputFiles(paths);
      await schools.waitFor({ timeout: 60_000 });
    };
    await check();

    // Every kind of download the report offers.
    const json = await downloaded(page, page.getByRole('button', { name: 'Download report (JSON)' }));
    expect(JSON.parse(json.toString('utf8')).reportVersion).toBe(1);
    const district = await downloaded(page, page.getByRole('button', { name: 'Download district CSV' }));
    expect(district.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await schools.locator('tbody').getByRole('button').first().click();
    await downloaded(page, page.getByRole('button', { name: 'Download all' }));
    const csv = page.getByRole('button', { name: 'Download CSV' }).first();
    // Some finding types are one line until their details are opened.
    if (!(await csv.isVisible()))
      await page.getByRole('button', { name: 'Details', exact: true }).first().click();
    await downloaded(page, csv);

    // A second check of the same district, then the History: two runs, one deleted.
    await check();
    const historyButton = page.getByRole('button', { name: /^History/ });
    await historyButton.click();
    await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
    const deleteRun = page.getByRole('button', { name: /^Delete the run of/ });
    await expect.poll(() => deleteRun.count()).toBe(2);
    await deleteRun.first().click();
    await expect.poll(() => deleteRun.count()).toBe(1);

    // Settings are stored too: choose what to keep, then export what is kept.
    await page.getByRole('radio', { name: /Counts only/ }).check();
    await page.getByRole('radio', { name: /Counts and findings/ }).check();
    const exported = await downloaded(page, page.getByRole('button', { name: 'Export history' }));
    expect(exported.length).toBeGreaterThan(0);

    const before = await storeCounts(page);
    for (const store of ['runs', 'details', 'findings', 'snapshots', 'districts', 'settings'])
      expect(before[store], store).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Delete all history' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('No run is kept yet').waitFor();
    const after = await storeCounts(page);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.values(after).every((n) => n === 0)).toBe(true);

    expect(session.requests.length).toBeGreaterThan(0);
    expect(session.foreign()).toEqual([]);
  });
});

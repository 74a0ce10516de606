/**
 * The history in the built app: a run is kept across a reload, a second run of the same district
 * shows what changed (and hold-removals against the first), an earlier run opens from storage, and
 * "Delete all history" leaves every IndexedDB store empty.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { district } from '../fixtures/worker-district.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';

/** The test district (Remind CSV 1.0) with this many North teachers without an email, as files. */
function districtFiles(teachersWithoutEmail: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'roster-check-history-'));
  return Object.entries(district(teachersWithoutEmail)).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

const STORES = ['acknowledgements', 'details', 'districts', 'findings', 'runs', 'settings', 'snapshots'];

async function check(page: Page, files: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Check files' }).click();
  await page.getByLabel('Roster files').setInputFiles(files);
  await page.getByRole('table', { name: 'Schools' }).waitFor();
  await page.getByText("Kept in this browser's history.").waitFor();
}

/** Records in each store of the history database, read in the page. */
function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('roster-check');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

describe.skipIf(!hasBrowser())('the history in the browser', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await session.page.goto(baseURL());
  });
  afterAll(() => session?.close());

  it('keeps a run across a reload', async () => {
    const { page } = session;
    await check(page, districtFiles(12));
    await expect(page.getByText('This is the first run of this district').isVisible()).resolves.toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'History (1)' }).click();
    const runs = page.getByRole('table', { name: 'Runs of North and South' });
    await expect(runs.getByRole('row').count()).resolves.toBe(2);
    await runs.getByRole('button', { name: /^Open the run of/ }).click();
    await page.getByRole('heading', { name: /^Run of / }).waitFor();
    const schools = page.getByRole('table', { name: 'Schools' });
    await schools.getByRole('button', { name: 'North' }).click();
    await page.getByRole('button', { name: 'Show 12 records' }).click();
    const records = page.getByRole('table', { name: /^Records:/ });
    await expect(records.getByRole('row').count()).resolves.toBe(13);
    await page.getByRole('button', { name: 'Back to the history' }).click();
  });

  it('shows what changed on a second run, with hold-removals against the first', async () => {
    const { page } = session;
    await check(page, districtFiles(5));
    const changes = page.getByText('Changes since the last run:');
    // 7 teachers gone: their emails are resolved; the hold for those removals is new.
    await expect(changes.locator('..').textContent()).resolves.toMatch(
      /7 resolved, 1 new, 6 unchanged since /,
    );
    await page.getByRole('heading', { name: 'Many records removed since the last run' }).waitFor();
    // The findings themselves: the seven resolved listed, the new hold too, each list a CSV.
    await page.getByText('Resolved findings (7)').click();
    const resolved = page.getByRole('table', { name: 'Resolved findings' });
    await expect(resolved.getByRole('row').count()).resolves.toBe(8);
    const download = page.waitForEvent('download');
    const list = page.locator('details', { hasText: 'Resolved findings (7)' });
    await list.getByRole('button', { name: /Download CSV/ }).click();
    expect((await download).suggestedFilename()).toMatch(/-district-resolved\.csv$/);
    await page.getByRole('button', { name: 'History (2)' }).click();
    const chart = page.getByRole('img', { name: /Errors and alerts per run: North and South/ });
    await expect(chart.textContent()).resolves.toMatch(/errors went from 13 to 6/);
    await expect(storeCounts(page)).resolves.toMatchObject({
      runs: 2,
      details: 2,
      snapshots: 2,
      districts: 1,
    });
  });

  it('deletes everything: every store of the database, written to before, is empty', async () => {
    const { page } = session;
    // An acknowledged finding, so the acknowledgements store has one to delete.
    await page.getByRole('button', { name: 'Check files' }).click();
    await page.getByRole('table', { name: 'Schools' }).getByRole('button', { name: 'North' }).click();
    await page.getByRole('button', { name: 'Show 5 records' }).click();
    await page.getByRole('button', { name: 'Acknowledge teacher t000' }).click();
    await page.getByRole('button', { name: 'Save acknowledgement' }).click();
    await page.getByText('5 records, 1 acknowledged').waitFor();
    await page.getByRole('button', { name: /^History/ }).click();
    // The keep setting is the only thing the settings store holds: choose it so there is one to delete.
    await page.getByRole('radio', { name: /^Counts only/ }).check();
    await page.getByText('Later runs keep their counts only.').waitFor();
    const before = await storeCounts(page);
    expect(Object.keys(before).sort()).toEqual(STORES);
    expect(STORES.filter((name) => before[name] === 0)).toEqual([]);

    await page.getByRole('button', { name: 'Delete all history' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('No run is kept yet').waitFor();
    const after = await storeCounts(page);
    expect(Object.keys(after).sort()).toEqual(STORES);
    expect(STORES.filter((name) => after[name] !== 0)).toEqual([]);
    await page.reload();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    expect(await page.getByRole('radio', { name: /^Counts and findings/ }).isChecked()).toBe(true);
    expect(session.foreign()).toEqual([]);
  });
});

/**
 * Files that share a name (issue 14, item 1): two students.csv picked from different folders, and
 * two zips that both hold one. The page once keyed its file lists by name and stopped on "applying
 * Remind's rules…"; now it shows the report, says which copy was read, and opens the run from the
 * history, including a run saved before names were made unique (a name listed twice).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { district, studentRow, zipOf } from '../hostile/inputs.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';
import { shownRecords } from './hostile-page.ts';

const root = mkdtempSync(join(tmpdir(), 'roster-check-e2e-same-name-'));
const otherStudents = () => district()['students.csv'] + studentRow('st2', 'Copy').join(',') + '\n';

function write(folder: string, files: Record<string, string | Uint8Array>): string[] {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  });
}

async function check(page: Page, paths: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Check files' }).click();
  await page.getByLabel('Roster files', { exact: true }).setInputFiles(paths);
  await page.getByRole('table', { name: 'Schools' }).waitFor({ timeout: 20_000 });
  await page.getByText("Kept in this browser's history.").waitFor();
}

/** The names in "N files (…) checked …", in order. */
async function listedFiles(page: Page): Promise<string[]> {
  const list = page.locator('details.checked');
  await list.locator('summary').click();
  const names = await list.locator('li code').allTextContents();
  await list.locator('summary').click();
  return names;
}

async function openLatestRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^History \(\d+\)$/ }).click();
  await page
    .getByRole('button', { name: /^Open the run of/ })
    .first()
    .click();
  await page.getByRole('heading', { name: /^Run of / }).waitFor();
}

describe.skipIf(!hasBrowser())('files that share a name, in the page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await session.page.goto(baseURL());
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('two students.csv from different folders: the report says which was read, and History opens it', async () => {
    const { page } = session;
    await check(page, [
      ...write('first', district()),
      ...write('second', { 'students.csv': otherStudents() }),
    ]);
    expect(await listedFiles(page)).toContain('students.csv (2)');
    const [record] = await shownRecords(page, 'file-ignored');
    expect(record.message).toBe(
      'students.csv (2) was not checked: it is the 2nd file given as students.csv; another students.csv was given (students.csv); only that one was read.',
    );
    await openLatestRun(page);
    expect(await listedFiles(page)).toContain('students.csv (2)');
    await page.getByRole('button', { name: 'Back to the history' }).click();
  });

  it('two zips that both hold students.csv', async () => {
    const { page } = session;
    const zips = write('zips', {
      'a.zip': zipOf(district()),
      'b.zip': zipOf({ 'students.csv': otherStudents() }),
    });
    await check(page, zips);
    const [record] = await shownRecords(page, 'file-ignored');
    expect(record.where).toBe('b.zip/students.csv');
    expect(record.message).toContain('another students.csv was given (a.zip/students.csv)');
    await openLatestRun(page);
    expect(await listedFiles(page)).toEqual(
      expect.arrayContaining(['a.zip/students.csv', 'b.zip/students.csv']),
    );
    await page.getByRole('button', { name: 'Back to the history' }).click();
  });

  it('a run saved with one file name listed twice (before names were unique) opens from History', async () => {
    const { page } = session;
    // Rewrite the latest stored run as an earlier build saved it: both copies named students.csv.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('roster-check');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['runs', 'details'], 'readwrite');
            const runs = tx.objectStore('runs');
            runs.openCursor(null, 'prev').onsuccess = (e) => {
              const cursor = (e.target as IDBRequest<IDBCursorWithValue>).result!;
              const run = cursor.value as { id: number; files: { name: string }[] };
              for (const f of run.files) f.name = f.name.replace(/^[ab]\.zip\//, '');
              cursor.update(run);
              const details = tx.objectStore('details');
              details.get(run.id).onsuccess = (d) => {
                const record = (d.target as IDBRequest).result as { fileProblems: { name: string }[] };
                record.fileProblems.push({ ...record.fileProblems[0] });
                details.put(record);
              };
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await openLatestRun(page);
    const names = await listedFiles(page);
    expect(names.filter((n) => n === 'students.csv')).toHaveLength(2);
    const problems = page.getByRole('table', { name: 'File problems by file' });
    if (await problems.count()) expect(await problems.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(session.problems()).toEqual([]);
  });
});

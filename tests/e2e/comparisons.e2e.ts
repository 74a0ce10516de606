/**
 * Comparisons in the built app: the same files chosen four ways (loose, a folder, a flat zip, a zip
 * with a folder inside) are the same findings; two districts checked in turn are each compared with
 * their own previous run; a run of a forced format is kept apart; the History fits a phone.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { district } from '../fixtures/worker-district.ts';
import { sampleDir } from '../fixtures/samples.ts';
import { chooseFiles, chooseFolder, openApp, screenshot, tempDir, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const root = tempDir('comparisons');
const EDFI = sampleDir('oneroster/edfi-lms-toolkit-or11-bulk');
const edfi = Object.fromEntries(
  readdirSync(EDFI)
    .filter((n) => n.endsWith('.csv'))
    .map((n) => [n, new Uint8Array(readFileSync(join(EDFI, n)))]),
);

function write(dir: string, files: Record<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  });
}

const loose = write(join(root, 'loose'), edfi);
cpSync(join(root, 'loose'), join(root, 'edfi-export'), { recursive: true });
const flatZip = write(root, { 'edfi.zip': zipSync(edfi) })[0];
const nested = Object.fromEntries(Object.entries(edfi).map(([n, b]) => [`export-2026-11/${n}`, b]));
const folderZip = write(join(root, 'zips'), { 'district-export.zip': zipSync(nested) })[0];
const north = write(join(root, 'north'), district(4));

async function finish(page: Page): Promise<string> {
  await waitForReport(page);
  await page.getByText("Kept in this browser's history.").waitFor();
  return (await page.locator('.run-note').textContent()) ?? '';
}

async function checkFiles(page: Page, paths: string[]): Promise<string> {
  await page.getByRole('button', { name: 'Check files' }).click();
  await chooseFiles(page, paths);
  return finish(page);
}

const unchangedOnly = /Changes since the last run: 0 resolved, 0 new, \d+ unchanged since/;

describe.skipIf(!hasBrowser())('comparisons in the browser', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await openApp(session.page);
  });
  afterAll(() => session?.close());

  it('the same files chosen four ways: 0 new, 0 resolved each time', async () => {
    const { page } = session;
    await expect(checkFiles(page, loose)).resolves.toMatch(/first run of this district/);
    await page.getByRole('button', { name: 'Check files' }).click();
    await chooseFolder(page, join(root, 'edfi-export'));
    await expect(finish(page)).resolves.toMatch(unchangedOnly);
    await expect(checkFiles(page, [flatZip])).resolves.toMatch(unchangedOnly);
    await expect(checkFiles(page, [folderZip])).resolves.toMatch(unchangedOnly);
    await page.getByRole('button', { name: 'History (4)' }).click();
    // What was chosen: the zip's or folder's name, the files inside in a detail.
    const chosen = page.getByRole('table', { name: /^Runs of / }).locator('td .chosen');
    await expect(chosen.allTextContents()).resolves.toEqual([
      'district-export.zip',
      'edfi.zip',
      'the folder edfi-export (8 files)',
      '8 files',
    ]);
  });

  it('two districts in turn: each compared with its own previous run, no removal hold', async () => {
    const { page } = session;
    // The Ed-Fi district ran last; North and South runs for the first time.
    await expect(checkFiles(page, north)).resolves.toMatch(/first run of this district/);
    await expect(checkFiles(page, loose)).resolves.toMatch(unchangedOnly);
    await expect(checkFiles(page, north)).resolves.toMatch(unchangedOnly);
    await expect(
      page.getByRole('heading', { name: 'Many records removed since the last run' }).count(),
    ).resolves.toBe(0);
    await expect(checkFiles(page, [flatZip])).resolves.toMatch(unchangedOnly);
    await expect(
      page.getByRole('heading', { name: 'Many records removed since the last run' }).count(),
    ).resolves.toBe(0);
  });

  it('a forced format is kept and marked, and never the last run of the detected format', async () => {
    const { page } = session;
    await checkFiles(page, north);
    await page.getByLabel('Format').selectOption('clever');
    const note = await finish(page);
    expect(note).toMatch(/The format was chosen by hand/);
    expect(note).not.toMatch(/Changes since the last run/);
    await expect(checkFiles(page, north)).resolves.toMatch(unchangedOnly);
    await page.getByRole('button', { name: /^History/ }).click();
    await expect(page.getByText('format chosen').count()).resolves.toBe(1);
  });

  it('the History fits 390 px: no sideways scrolling, Delete on screen', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 800 });
    const table = page.getByRole('table', { name: 'Runs of North and South' });
    await table.waitFor();
    await screenshot(page, 'history-390');
    const box = await table.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    for (const button of await table.getByRole('button', { name: /^Delete the run of/ }).all()) {
      const b = await button.boundingBox();
      expect(b!.x + b!.width).toBeLessThanOrEqual(390);
    }
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrolls).toBeLessThanOrEqual(390);
    expect(session.foreign()).toEqual([]);
  });
});

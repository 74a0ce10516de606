/**
 * A generated district of each format, dropped on the drop area: the page detects the format and its
 * Schools table says, school by school, exactly what the engine says for the same files. The other
 * ways in give the same: a .zip picked with "Roster files", a folder picked with "Roster folder".
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/core/formats/registry.ts';
import type { FormatId } from '../../src/core/formats/types.ts';
import type { Page } from 'playwright-core';
import {
  baseNameOf,
  byName,
  chooseFiles,
  chooseFolder,
  dropFiles,
  droppedFromDisk,
  engineReport,
  expectedSchools,
  generatedDistrict,
  openApp,
  shownSchools,
  tempDir,
  waitForReport,
} from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const FORMATS: FormatId[] = ['remind-csv-1.0', 'remind-csv-2.0', 'oneroster-1.1', 'oneroster-1.2', 'clever'];
const labelOf = (id: FormatId) => ADAPTERS.find((a) => a.id === id)!.label;

describe.skipIf(!hasBrowser())('each format in the page', () => {
  let session: Session;
  const root = tempDir('formats');

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** `give` hands the files to the page (drop, or one of the pickers). */
  async function check(paths: string[], expectedFormat: FormatId, give: (page: Page) => Promise<void>) {
    const { page } = session;
    const expected = await engineReport(paths);
    await openApp(page);
    await give(page);
    await waitForReport(page);

    await expect.poll(() => page.getByLabel('Format').inputValue()).toBe(expectedFormat);
    expect(expected.summary.format.id).toBe(expectedFormat);
    const shown = await shownSchools(page);
    expect(shown.length).toBeGreaterThan(1);
    expect([...shown].sort(byName)).toEqual(expectedSchools(expected.summary).sort(byName));
    // The table is not trivially all zeros: the generator plants errors and alerts in every format.
    expect(shown.some((s) => s.errors > 0)).toBe(true);
    expect(shown.some((s) => s.alerts > 0)).toBe(true);
  }

  it.each(FORMATS)('%s dropped: detected, and every school row matches the engine', async (format) => {
    const paths = await generatedDistrict(format, join(root, format), { seed: FORMATS.indexOf(format) + 1 });
    const dropped = paths.map((p) => droppedFromDisk(p));
    await check(paths, format, (page) => dropFiles(page, dropped));
    const shownLabel = await session.page.getByLabel('Format').locator('option:checked').textContent();
    expect(shownLabel?.startsWith(labelOf(format))).toBe(true);
  });

  it('a .zip of a OneRoster 1.1 export picked with "Roster files": every school row matches', async () => {
    const paths = await generatedDistrict('oneroster-1.1', join(root, 'zipped'), { seed: 11 });
    const zip = join(root, 'export.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(paths.map((p) => [baseNameOf(p), readFileSync(p)]))));
    await check([zip], 'oneroster-1.1', (page) => chooseFiles(page, [zip]));
  });

  it('a Remind CSV 2.0 folder picked with "Roster folder": hidden files skipped, every school row matches', async () => {
    const dir = join(root, 'sis-export');
    const paths = await generatedDistrict('remind-csv-2.0', dir, { seed: 12 });
    // A folder's hidden files are skipped (a .csv one too), so the report is the CSV files' alone.
    writeFileSync(join(dir, '.~lock.users.csv#'), 'locked by someone');
    writeFileSync(join(dir, '.hidden.csv'), 'not,a,roster\n');
    await check(paths, 'remind-csv-2.0', (page) => chooseFolder(page, dir));
    const checked = await session.page.locator('details.checked li code').allTextContents();
    expect(checked.sort()).toEqual(paths.map((p) => `sis-export/${baseNameOf(p)}`).sort());
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

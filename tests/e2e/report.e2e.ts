/**
 * The sample district from start to school detail, at desktop and phone widths: the Schools table
 * matches the engine, a school opens with its finding types, and the CSV downloads (one type, and
 * everything of the school) are byte for byte the engine's own CSV for the same findings.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/app/state/finding-pager.svelte.ts';
import { csvFileName, csvPieces, CSV_COLUMNS } from '../../src/core/report/csv.ts';
import { csvRows } from '../../src/core/report/csv-rows.ts';
import type { ValidationResult } from '../../src/core/report/build.ts';
import { schoolCounts } from '../../src/core/report/status.ts';
import type { SchoolEntry } from '../../src/core/report/types.ts';
import {
  byName,
  DESKTOP,
  expectedSchools,
  findingGroup,
  openApp,
  openSchool,
  PHONE,
  runSample,
  sampleReport,
  screenshot,
  shownSchools,
} from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';
import type { Page } from 'playwright-core';

const engineCsv = (result: ValidationResult, school: string | null, code?: string) =>
  [...csvPieces(csvRows(result, { school, code }))].join('');

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The school with the most error types: its detail shows the most. */
const richest = (schools: readonly SchoolEntry[]) =>
  [...schools]
    .filter((s) => s.id !== null)
    .sort((a, b) => Object.keys(b.error).length - Object.keys(a.error).length)[0];

describe.skipIf(!hasBrowser())('the sample district, start to school detail', () => {
  let expected: ValidationResult;
  beforeAll(async () => {
    expected = await sampleReport();
  });

  describe.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('at %s width', (width, viewport) => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession({ viewport });
    });
    afterAll(() => session?.close());

    it('the start page offers the files picker and the sample', async () => {
      await openApp(session.page);
      await screenshot(session.page, `start-${width}`);
      expect(await session.page.getByLabel('Roster files', { exact: true }).isEnabled()).toBe(true);
    });

    it('the Schools table matches the engine, school by school', async () => {
      await runSample(session.page);
      await screenshot(session.page, `report-${width}`);
      const shown = await shownSchools(session.page);
      expect([...shown].sort(byName)).toEqual(expectedSchools(expected.summary).sort(byName));
      expect(shown.length).toBe(expected.summary.schools.length);
    });

    it('a school opens with each of its finding types', async () => {
      const school = richest(expected.summary.schools);
      await openSchool(session.page, school.name);
      await screenshot(session.page, `school-${width}`);
      const { errors, alerts } = schoolCounts(school);
      const summary = await session.page.locator('.summary').textContent();
      expect(summary).toContain(`${errors.toLocaleString('en-US')} error`);
      expect(summary).toContain(`${alerts.toLocaleString('en-US')} alert`);
      const titles = await session.page.locator('.detail .group h5').allTextContents();
      expect(titles.length).toBe(Object.keys(school.error).length + Object.keys(school.alert).length);
    });

    it('"Download CSV" of one type is the engine’s CSV: BOM, header, one row per finding', async () => {
      const { page } = session;
      const school = richest(expected.summary.schools);
      const [code, count] = Object.entries(school.error).sort((a, b) => b[1] - a[1])[0];
      const group = findingGroup(page, code);
      const { name, text } = await downloadText(page, () =>
        group.getByRole('button', { name: 'Download CSV' }).click(),
      );
      expect(name).toBe(csvFileName({ school: school.id, code }));
      expect(text.startsWith('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n')).toBe(true);
      expect(text.trimEnd().split('\r\n')).toHaveLength(count + 1);
      expect(text).toBe(engineCsv(expected, school.id, code));
    });

    it('"Download all" of the school is the engine’s CSV of every finding in it', async () => {
      const { page } = session;
      const school = richest(expected.summary.schools);
      const { name, text } = await downloadText(page, () =>
        page.getByRole('button', { name: 'Download all' }).click(),
      );
      expect(name).toBe(csvFileName({ school: school.id }));
      expect(text).toBe(engineCsv(expected, school.id));
    });

    it('the records of a type show in pages, with what is wrong and where', async () => {
      const { page } = session;
      const school = richest(expected.summary.schools);
      const [code, count] = Object.entries(school.error).sort((a, b) => b[1] - a[1])[0];
      const group = findingGroup(page, code);
      await group.getByRole('button', { name: `Show ${count} record${count === 1 ? '' : 's'}` }).click();
      const rows = group.getByRole('table', { name: /^Records:/ }).locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(Math.min(count, PAGE_SIZE));
      const first = [...csvRows(expected, { school: school.id, code })][0];
      expect(await rows.first().textContent()).toContain(String(first.problem));
      await screenshot(page, `school-records-${width}`);
    });

    it('sent nothing to any other origin and logged no error', () => {
      expect(session.foreign()).toEqual([]);
      expect(session.problems()).toEqual([]);
    });
  });
});

/**
 * A school with 100 000 findings of one type: its detail opens, its records show 50 at a time and
 * page on, and its CSV downloads whole, with no long freeze of the page on the way (the findings stay
 * in the worker; the page never holds more than one page of them).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/app/state/finding-pager.svelte.ts';
import { csvRows } from '../../src/core/report/csv-rows.ts';
import type { ValidationResult } from '../../src/core/report/build.ts';
import { district } from '../../src/worker/test-district.ts';
import {
  chooseFiles,
  engineReport,
  findingGroup,
  openApp,
  openSchool,
  screenshot,
  shownSchools,
  tempDir,
  waitForReport,
} from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const MANY = 100_000;
const CODE = 'teacher-email';

/** The longest main-thread task (ms) since the last call, from the page's long-task observer. */
const longestTask = (session: Session) =>
  session.page.evaluate(() => {
    const seen = (window as unknown as { longTasks: number[] }).longTasks;
    return Math.max(0, ...seen.splice(0));
  });

describe.skipIf(!hasBrowser())('a school with 100 000 findings', () => {
  let session: Session;
  let expected: ValidationResult;
  let paths: string[];
  const root = tempDir('many');
  beforeAll(async () => {
    paths = Object.entries(district(MANY)).map(([name, text]) => {
      writeFileSync(join(root, name), text);
      return join(root, name);
    });
    expected = await engineReport(paths);
    session = await openSession();
    await session.context.addInitScript(() => {
      const longTasks: number[] = [];
      Object.assign(window, { longTasks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('the long-task watch sees a blocked main thread', async () => {
    await openApp(session.page);
    // A task of the page's own event loop (code run by the test harness itself is not one).
    await session.page.evaluate(() =>
      setTimeout(() => {
        const end = performance.now() + 600;
        while (performance.now() < end);
      }),
    );
    await expect.poll(() => longestTask(session)).toBeGreaterThanOrEqual(600);
  });

  it('the Schools table counts them', async () => {
    await chooseFiles(session.page, paths);
    await waitForReport(session.page);
    const north = (await shownSchools(session.page)).find((s) => s.name === 'North')!;
    expect(north.errors).toBe(MANY);
    expect(expected.summary.schools.find((s) => s.id === 's1')!.error[CODE]).toBe(MANY);
  });

  it('the detail opens and pages through them 50 at a time, without freezing the page', async () => {
    const { page } = session;
    await longestTask(session); // only what follows counts
    await openSchool(page, 'North');
    const group = findingGroup(page, CODE);
    await group.getByRole('button', { name: 'Show 100,000 records' }).click();
    const table = group.getByRole('table', { name: /^Records:/ });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(PAGE_SIZE);

    const pager = group.getByRole('navigation', { name: /^Pages of/ });
    await pager.getByText(`Records 1–${PAGE_SIZE} of 100,000`).waitFor();
    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText(`Records ${PAGE_SIZE + 1}–${2 * PAGE_SIZE} of 100,000`).waitFor();
    expect(await rows.count()).toBe(PAGE_SIZE);
    const all = [...csvRows(expected, { school: 's1', code: CODE })];
    expect(await rows.first().textContent()).toContain(String(all[PAGE_SIZE].problem));
    // A page that rendered every finding would block for seconds; one page of 50 takes milliseconds.
    expect(await longestTask(session)).toBeLessThan(500);
    await screenshot(page, 'many-findings-desktop');
  });

  it('"Download CSV" of the type holds every one of them', async () => {
    const { page } = session;
    const group = findingGroup(page, CODE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      group.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.trimEnd().split('\r\n')).toHaveLength(MANY + 1);
    expect(await longestTask(session)).toBeLessThan(500);
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

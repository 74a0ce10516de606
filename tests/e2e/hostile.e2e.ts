/**
 * Every case of the bad-input corpus (tests/hostile/corpus.ts) given to the real page, one after the
 * other in one page, then roster values written as HTML, and a worker that dies mid-run. The page
 * never crashes: it names the file (and row), checks the rest, answers (does not hang), says when a
 * check did not finish (never showing part of a report as if it were whole), and is ready for the
 * next try. Roster values are text: no element is made of them, no dialog opens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInMemory, planDistrict } from '../../src/core/generate/generate.ts';
import { CASES, type HostileCase } from '../hostile/corpus.ts';
import { district, type Files } from '../hostile/inputs.ts';
import { dropFiles, screenshot } from './app.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';
import {
  byFileAndCode,
  markShown,
  parseFormatting,
  plantedShown,
  shownFileProblems,
  shownRecords,
  shownTotals,
  waitForAnswer,
} from './hostile-page.ts';

const root = mkdtempSync(join(tmpdir(), 'roster-check-e2e-hostile-'));

/** Writes files into a fresh folder of `root` and returns their paths. */
function written(label: string, files: Record<string, string | Uint8Array>): string[] {
  const dir = join(root, label.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  });
}

async function check(page: Page, paths: string[]): Promise<void> {
  await page.getByLabel('Roster files', { exact: true }).setInputFiles(paths);
}

/**
 * A case's files as the page gets them. Names with a folder ("copy/students.csv") are dropped as
 * files of that name, as a dropped folder's files are named; the others are picked from disk.
 */
async function give(page: Page, c: HostileCase, files: Files): Promise<void> {
  if (Object.keys(files).some((name) => name.includes('/'))) {
    const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
    const dropped = Object.entries(files).map(([name, v]) => ({
      name,
      mimeType: 'text/csv',
      bytes: bytes(v),
    }));
    await dropFiles(page, dropped);
  } else await check(page, written(c.name, files));
}

/**
 * How long to wait for the page's answer: a guard against a hang, not a speed check (corpus.test.ts
 * bounds the engine's work; npm run bench:browser measures the page's speed).
 */
const ANSWER_WAIT_MS = 60_000;

const schools = (page: Page) => page.getByRole('table', { name: 'Schools' });

describe.skipIf(!hasBrowser())('hostile input in the page', () => {
  let session: Session;
  const dialogs: string[] = [];
  const crashes: string[] = [];
  beforeAll(async () => {
    session = await openSession();
    session.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    session.page.on('pageerror', (e) => crashes.push(e.message));
    session.page.on('crash', () => crashes.push('the page crashed'));
    await session.page.goto(baseURL());
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(CASES)('$name: named on the page (file and row), the rest checked, without hanging', async (c) => {
    const { page } = session;
    const files = c.files();
    await markShown(page);
    await give(page, c, files);
    const answer = await waitForAnswer(page, ANSWER_WAIT_MS);
    await screenshot(page, `hostile-${c.name.replace(/\W+/g, '-')}`);
    expect(answer).toBe(c.refused ? 'refused' : 'report');

    if (c.refused) {
      const alert = page.locator('section.failure').getByRole('alert');
      await alert.getByRole('heading', { name: 'These files could not be checked' }).waitFor();
      expect(await alert.textContent()).toContain(c.refused);
    } else {
      const expected = c.formatting!.map(parseFormatting);
      // Staff are not among the totals shown.
      const totals = Object.entries(c.totals ?? {}).filter(([key]) => key !== 'staff');
      expect(await shownTotals(page)).toMatchObject({
        ...Object.fromEntries(totals),
        formatting: expected.length,
      });
      expect(await shownFileProblems(page)).toEqual(byFileAndCode(expected));
      for (const code of new Set(expected.map((e) => e.code))) {
        const shown = await shownRecords(page, code);
        const wanted = expected.filter((e) => e.code === code);
        expect(shown.map((r) => r.where).sort()).toEqual(
          wanted
            .map((e) => (e.row === null ? e.file : `${e.file}, row ${e.row.toLocaleString('en-US')}`))
            .sort(),
        );
        // Each message names its file, and its row (a header finding names the column instead).
        for (const [i, record] of shown.entries()) {
          const e = wanted.find((w) => record.where.startsWith(w.file))!;
          expect(record.message, `record ${i} of ${code}`).toContain(e.file);
          if (e.row !== null && code !== 'header-missing') expect(record.message).toContain(`row ${e.row}`);
        }
        if (c.says && code === expected[0].code)
          expect(shown.map((r) => r.message).join('\n')).toMatch(c.says);
      }
      if (c.planted !== false) expect(await plantedShown(page)).toBe(true);
    }
    expect(crashes).toEqual([]);
    expect(await page.getByLabel('Roster files', { exact: true }).isEnabled()).toBe(true);
  });

  it('the page is still ready: a clean district picked next is checked, and nothing was logged as an error', async () => {
    const { page } = session;
    await markShown(page);
    await check(page, written('clean', district()));
    expect(await waitForAnswer(page, 15_000)).toBe('report');
    expect(await plantedShown(page)).toBe(true);
    expect(session.problems()).toEqual([]);
  });

  it('roster values written as HTML are shown as text: no element made, no dialog', async () => {
    const { page } = session;
    const files = district();
    const img = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    files['schools.csv'] = files['schools.csv'].replace('North High', img);
    files['teachers.csv'] = files['teachers.csv'].replace('Bea', script);
    await check(page, written('html', { ...files, '<svg onload=alert(3)>.csv': 'a,b\n1,2\n' }));
    const problems = page.getByRole('table', { name: 'File problems by file' });
    await problems.getByText('<svg onload=alert(3)>.csv', { exact: true }).waitFor();
    await schools(page).getByRole('button', { name: img, exact: true }).click();
    await page.getByRole('heading', { name: img, exact: true }).waitFor();
    await page
      .getByRole('button', { name: /^Show 1 record/ })
      .first()
      .click();
    await page.getByText(`${script} Moss`, { exact: true }).waitFor();
    const injected = await page.evaluate(() => {
      const found = [...document.querySelectorAll('img, svg, body script')].map((e) => e.outerHTML);
      for (const el of document.querySelectorAll('*'))
        for (const attr of el.attributes)
          if (/^on/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
      return found;
    });
    expect(injected).toEqual([]);
    await page.waitForTimeout(200); // a handler, had one been made, would have fired by now
    expect(dialogs).toEqual([]);
  });

  it('a worker that dies mid-run: the page says so, shows nothing partial, and Try again completes', async () => {
    const { page } = session;
    const big = generateInMemory(planDistrict({ format: 'clever', students: 40_000, seed: 5 }));
    await check(page, written('big', Object.fromEntries(big)));
    await page.getByText(/rows per second/).waitFor();
    // The checking worker (a second one hashes the chosen files, and the engine does without it).
    const worker = page.workers().find((w) => /validator\.worker/.test(w.url()))!;
    // A real uncaught error inside the running worker, as an allocation failure would raise.
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new RangeError('Array buffer allocation failed');
      });
    });
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The check did not finish' }).waitFor();
    expect(await alert.textContent()).toContain('Array buffer allocation failed');
    expect(await page.getByText(/would be incomplete/).count()).toBe(1);
    expect(await schools(page).count()).toBe(0);
    expect(await page.getByRole('progressbar').count()).toBe(0);

    await page.getByRole('button', { name: 'Try again' }).click();
    await schools(page).waitFor({ timeout: 90_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'did not finish' }).count()).toBe(0);
  });

  it('sent nothing to any other origin', () => {
    expect(session.foreign()).toEqual([]);
  });
});

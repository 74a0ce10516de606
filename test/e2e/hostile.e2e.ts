/**
 * The worst of the bad-input corpus (test/hostile/corpus.ts) dropped on the real page, roster values
 * written as HTML, and a worker that dies mid-run. The page never crashes: it names the file, shows
 * the rest, says when a check did not finish (never showing part of a report as if it were whole),
 * and is ready for the next try. Roster values are text: no element is made of them, no dialog opens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInMemory, planDistrict } from '../../src/core/generate/generate.ts';
import { CASES } from '../hostile/corpus.ts';
import { district } from '../hostile/inputs.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';

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

const schools = (page: Page) => page.getByRole('table', { name: 'Schools' });
const WORST = [
  'a zip whose entries claim 10 GB, alone',
  'a zip whose entries claim 10 GB, beside the files',
  'a 50 MB single cell',
  'UTF-16 LE without a byte-order mark',
  'an unterminated quote at the end',
  '10 000 columns',
];

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

  it.each(WORST)('%s: named on the page, the rest shown, in bounded time', async (name) => {
    const { page } = session;
    const c = CASES.find((k) => k.name === name)!;
    const started = Date.now();
    await check(page, written(name, c.files()));
    if (c.refused) {
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: 'These files could not be checked' }).waitFor();
      expect(await alert.textContent()).toContain(c.refused);
    } else {
      await schools(page).waitFor({ timeout: 60_000 });
      const files = page.getByRole('table', { name: 'File problems by file' });
      const named = c.formatting!.map((f) => f.split(' ')[1].replace(/:\d+$/, ''));
      if (named.length) for (const file of named) await files.getByText(file, { exact: true }).waitFor();
      else expect(await files.count()).toBe(0);
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(crashes).toEqual([]);
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
    const worker = page.workers().at(-1)!;
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

/**
 * Offline use, on a plain static host and under a folder of it (/tools/roster-check/): the first
 * visit precaches every file of the build; with the network off and the server gone, a reload still
 * runs the sample district and the documentation pages still open; a page the build does not have
 * is not made up; and a new deployment replaces this one's cache once the old pages are closed.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSchool, runSample, screenshot, shownSchools } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const FOLDER = 'tools/roster-check';

/** Every cache of the origin, with the URLs it holds. */
const cachesOf = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    return Promise.all(
      names.map(async (name) => {
        const requests = await (await caches.open(name)).keys();
        return { name, urls: requests.map((r) => r.url).sort() };
      }),
    );
  });

const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

describe.skipIf(!hasBrowser())('offline, from any folder of a static host', () => {
  let site: StaticSite;
  let session: Session;
  beforeAll(async () => {
    site = await serveStatic(DIST, FOLDER);
    session = await openSession({ origin: site.origin });
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('the first visit precaches every file of the build, hashed names included', async () => {
    const { page } = session;
    await page.goto(site.url);
    await controlled(page);
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.') && f !== 'sw.js')
      .map((f) => `${site.url}${f.split('\\').join('/')}`)
      .sort();
    expect(files.some((f) => /assets\/validator\.worker-[\w-]+\.js$/.test(f))).toBe(true);
    const [cache, ...others] = await cachesOf(page);
    expect(others).toEqual([]);
    expect(cache.name).toContain(site.url);
    expect(cache.urls).toEqual(files);
  });

  it('with the network off and the server gone, a reload still runs the sample district', async () => {
    const { page, context } = session;
    site.down = true;
    await context.setOffline(true);
    const servedBefore = site.served.length;
    await page.reload();
    await page.getByRole('heading', { name: 'Choose the files to check' }).waitFor();
    await runSample(page);
    expect((await shownSchools(page)).filter((s) => s.students > 0).length).toBeGreaterThan(1);
    await screenshot(page, 'offline-report');
    expect(site.served.length).toBe(servedBefore);
  });

  it('offline, a rule’s documentation opens from the report, and the docs index as a folder', async () => {
    const { page, context } = session;
    await openSchool(page, (await shownSchools(page))[0].name);
    const about = page
      .locator('.detail')
      .getByRole('link', { name: /^About / })
      .first();
    const code = (await about.locator('code').textContent())!;
    const [doc] = await Promise.all([context.waitForEvent('page'), about.click()]);
    await doc.waitForLoadState();
    expect(doc.url()).toBe(`${site.url}docs/rules/${code}.html`);
    expect(await doc.title()).toMatch(/ · Roster Check$/);
    expect(await doc.getByRole('main').textContent()).toContain(`Code: ${code}`);
    await doc.goto(`${site.url}docs/`);
    expect(await doc.title()).toBe('Roster Check');
    await doc.getByRole('link', { name: 'Back to Roster Check' }).click();
    await doc.getByRole('heading', { name: 'Choose the files to check' }).waitFor();
    await doc.close();
  });

  it('a page the build does not have is not made up', async () => {
    const missing = await session.context.newPage();
    await expect(missing.goto(`${site.url}no-such-page.html`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await missing.close();
  });

  it('a new deployment replaces this one’s cache once its pages are closed', async () => {
    const { context } = session;
    site.down = false;
    await context.setOffline(false);
    const [before] = await cachesOf(session.page);
    const next = '0123456789abcdef';
    site.rewrite.set('sw.js', (code) => code.replace(/(version\\":\\")[0-9a-f]+/, `$1${next}`));
    await session.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await session.page.waitForFunction(
      async () => !!(await navigator.serviceWorker.getRegistration())?.waiting,
    );
    // Until every page of the old version is closed, the old version keeps its files.
    expect((await cachesOf(session.page)).map((c) => c.name)).toContain(before.name);

    for (const open of context.pages()) await open.close();
    // Watch from a page of the same origin outside the site's folder (not one of its clients).
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const nextCache = before.name.replace(/ [0-9a-f]+ /, ` ${next} `);
    await expect
      .poll(async () => (await cachesOf(page)).map((c) => c.name), { timeout: 15_000 })
      .toEqual([nextCache]);
    await page.goto(site.url);
    await controlled(page);
    expect((await cachesOf(page)).map((c) => c.name)).toEqual([nextCache]);
    session.page = page;
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

/**
 * `npm start` keeps working under the page's Content-Security-Policy: the dev server's copy of the
 * policy (inline styles allowed for Vite's injected stylesheets) lets the app, its worker, hot
 * reload's connection and the docs pages run, with no refusal and no request to another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runSample, tempDir } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('the dev server', () => {
  let server: ViteDevServer;
  let session: Session;
  let url: string;
  const cacheDir = tempDir('dev-server');
  beforeAll(async () => {
    // A dependency cache of its own (a first run, as on a fresh clone), and no file watching: other
    // edits in the working tree must not reload the page mid-test.
    server = await createServer({
      cacheDir: join(cacheDir, 'vite'),
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
    });
    await server.listen();
    url = server.resolvedUrls!.local[0];
    session = await openSession({ origin: new URL(url).origin });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('serves the page with its policy, styled, and runs the sample district', async () => {
    const { page } = session;
    await page.goto(url);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
    await runSample(page);
    // The component styles arrived (as <style> elements the policy allows in dev only).
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('header')!).borderBottomStyle),
    ).toBe('solid');
    // No service worker in dev: it would serve stale files across edits.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(
      0,
    );
  });

  it('serves the docs pages', async () => {
    await session.page.goto(`${url}docs/rules/student-dob.html`);
    expect(await session.page.title()).toContain('Roster Check');
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

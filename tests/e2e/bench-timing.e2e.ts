/**
 * `npm run bench:browser` times the report in the page (scripts/bench-browser-page.ts, `watchPage`):
 * the frame drawn after the Schools table is added. Playwright's own waiting polls (every 500 ms after
 * its first tries), so it notices the report late; the page's own time must be there, and earlier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from '../../scripts/bench-browser-page.ts';
import { openApp, runSample, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('the browser benchmark’s clock', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records when the report was drawn, no later than Playwright notices it', async () => {
    const { page } = session;
    await page.addInitScript(watchPage);
    await openApp(page);
    const chosen = await page.evaluate(() => performance.now());
    await runSample(page);
    await waitForReport(page);
    const noticed = await page.evaluate(() => performance.now());
    const drawn = await page.evaluate(
      () => (window as unknown as { bench: { reportDrawn?: number } }).bench.reportDrawn,
    );
    expect(drawn).toBeTypeOf('number');
    expect(drawn!).toBeGreaterThan(chosen);
    expect(drawn!).toBeLessThanOrEqual(noticed);
    // The table was in the page when the time was taken.
    expect(await page.getByRole('table', { name: 'Schools' }).count()).toBe(1);
  });
});

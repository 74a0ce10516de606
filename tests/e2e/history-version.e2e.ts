/**
 * A history export whose version is the text "1" (issue 14, item 12) was refused with "has version 1;
 * this page reads version 1". The page now says what is wrong with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KIND } from '../../src/storage/history-file.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('importing a history export of the wrong version', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await session.page.goto(baseURL());
  });
  afterAll(() => session?.close());

  it('version "1" (text): refused, saying it is text and not the number', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const file = JSON.stringify({ kind: EXPORT_KIND, version: '1', exportedAt: '', districts: [], runs: [] });
    await page.getByLabel('Import history').setInputFiles({
      name: 'history.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const message = page.getByText(/^This history export has version/);
    await message.waitFor();
    expect(await message.textContent()).toContain(
      'has version "1", written as text and not as a number; this page reads version 1.',
    );
  });
});

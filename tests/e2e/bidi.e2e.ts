/**
 * A roster value holding a right-to-left override (U+202E) inside one of the page's sentences: the
 * rest of the sentence still reads left to right on screen, and the value is isolated (<bdi>, and
 * FSI…PDI inside the message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDistrict } from '../fixtures/report-district.ts';
import { dropFiles, findingGroup, openApp, openSchool, screenshot, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const RLO = '\u202e';

describe.skipIf(!hasBrowser())('bidi controls in roster values', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(() => session?.close());

  it('do not turn the page’s own sentences around', async () => {
    const { page } = session;
    await openApp(page);
    const files = reportDistrict({ formula: `Di${RLO}evil` });
    await dropFiles(
      page,
      Object.entries(files).map(([name, text]) => ({
        name,
        mimeType: 'text/csv',
        bytes: new TextEncoder().encode(text),
      })),
    );
    await waitForReport(page);
    await openSchool(page, 'Central');
    const group = findingGroup(page, 'student-dob');
    await group.getByRole('button', { name: /^Show \d+ records?$/ }).click();
    const cell = group.getByRole('cell', { name: /is no real date/ });
    await cell.waitFor();
    await screenshot(page, 'bidi-override');
    // Where the words after the value are drawn: left to right, as written.
    const order = await cell.evaluate((td) => {
      const text = [...td.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && /real/.test(n.textContent ?? ''),
      )!;
      const left = (word: string) => {
        const range = document.createRange();
        const at = text.textContent!.indexOf(word);
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        return range.getBoundingClientRect().left;
      };
      return ['birth', 'is', 'no', 'real', 'date:'].map(left);
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await cell.textContent()).toContain('\u2068Di[U+202E]evil Ma\u2069');
    const name = group.locator('.name bdi').filter({ hasText: 'evil' });
    expect(await name.textContent()).toBe(`Di${RLO}evil Ma`);
    expect(session.problems()).toEqual([]);
  });
});

/**
 * Acknowledged findings in the built app (issue 15, item 5): a finding acknowledged with a note stays
 * acknowledged on the next run of the same files after a reload, the downloads mark it (and the
 * acknowledgements file is the command line's --acknowledged), the run checked before it was made,
 * opened from the History, shows it too, and it survives exporting the history, deleting everything
 * and importing the export.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAcknowledgements } from '../../src/core/report/acknowledged.ts';
import { district } from '../fixtures/worker-district.ts';
import { baseURL, hasBrowser, openSession, type Session } from './browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'roster-check-acknowledged-'));
const files = Object.entries(district(12)).map(([name, text]) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
});

async function checkAndOpenNorth(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check files' }).click();
  await page.getByLabel('Roster files').setInputFiles(files);
  await page.getByText("Kept in this browser's history.").waitFor();
  await page.getByRole('table', { name: 'Schools' }).getByRole('button', { name: 'North' }).click();
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const path = join(dir, `${Date.now()}-${(await download).suggestedFilename()}`);
  await (await download).saveAs(path);
  return readFileSync(path, 'utf8');
}

describe.skipIf(!hasBrowser())('acknowledged findings in the browser', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await session.page.goto(baseURL());
  });
  afterAll(() => session?.close());

  it('acknowledges a finding, keeps it across a reload, marks the downloads, exports and imports it', async () => {
    const { page } = session;
    await checkAndOpenNorth(page);
    await page.getByRole('button', { name: 'Show 12 records' }).click();
    // By keyboard: the button, the note, Enter.
    await page.getByRole('button', { name: 'Acknowledge teacher t000' }).press('Enter');
    const note = page.getByRole('form', { name: 'Acknowledge teacher t000' }).getByLabel('Note (optional)');
    await expect(note.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await note.fill('Substitute, no school email');
    await note.press('Enter');
    await page.getByText('12 records, 1 acknowledged').waitFor();
    await expect(
      page
        .getByRole('table', { name: /^Records:/ })
        .getByRole('row')
        .count(),
    ).resolves.toBe(12);

    // A reload, the same files again: a new run of the same district.
    await page.reload();
    await checkAndOpenNorth(page);
    await page.getByText('12 records, 1 acknowledged').waitFor();
    await page.getByRole('button', { name: 'Show 1 acknowledged' }).click();
    const list = page.getByRole('table', { name: 'Acknowledged findings in this school' });
    await list.getByText('“Substitute, no school email”').waitFor();
    await expect(list.getByRole('button', { name: 'Un-acknowledge teacher t000' }).isVisible()).resolves.toBe(
      true,
    );
    const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download all' }).click());
    const rows = csv.trim().split('\r\n');
    expect(rows[0].endsWith(',acknowledged')).toBe(true);
    expect(rows.filter((r) => r.endsWith(',yes'))).toEqual([expect.stringContaining(',t000,')]);

    await page.getByRole('button', { name: 'All schools' }).click();
    await page.getByText(/1 acknowledged finding/).waitFor();
    const report = JSON.parse(
      await downloaded(page, () => page.getByRole('button', { name: 'Download report (JSON)' }).click()),
    );
    expect(report.totals.acknowledged).toBe(1);
    expect(report.findings.filter((f: { acknowledged?: true }) => f.acknowledged)).toHaveLength(1);
    const ackFile = JSON.parse(
      await downloaded(page, () =>
        page.getByRole('button', { name: 'Download acknowledged findings (JSON)' }).click(),
      ),
    );
    expect(readAcknowledgements(ackFile)).toEqual([
      { code: 'teacher-email', id: 't000', field: 'email', value: null, note: 'Substitute, no school email' },
    ]);

    // The first run, kept before the acknowledgement was made, opened from the History: marked too.
    await page.getByRole('button', { name: /^History/ }).click();
    await page
      .getByRole('button', { name: /^Open the run of / })
      .last()
      .click();
    await page.getByRole('heading', { name: /^Run of / }).waitFor();
    await page.getByText(/1 acknowledged finding/).waitFor();
    await page.getByRole('table', { name: 'Schools' }).getByRole('button', { name: 'North' }).click();
    await page.getByText('12 records, 1 acknowledged').waitFor();
    await page.getByRole('button', { name: 'Show 1 acknowledged' }).click();
    const stored = page.getByRole('table', { name: 'Acknowledged findings in this school' });
    await stored.getByText('“Substitute, no school email”').waitFor();
    await expect(
      stored.getByRole('button', { name: 'Un-acknowledge teacher t000' }).isVisible(),
    ).resolves.toBe(true);
    const storedCsv = await downloaded(page, () =>
      page.getByRole('button', { name: 'Download all' }).click(),
    );
    expect(
      storedCsv
        .trim()
        .split('\r\n')
        .filter((r) => r.endsWith(',yes')),
    ).toEqual([expect.stringContaining(',t000,')]);
    await page.getByRole('button', { name: 'Back to the history' }).click();

    // Exported with the history, deleted with it, and back with the import.
    const exportPath = join(dir, 'history.json');
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export history' }).click();
    await (await exported).saveAs(exportPath);
    await page.getByRole('button', { name: 'Delete all history' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('No run is kept yet').waitFor();
    await page.getByLabel('Import history').setInputFiles(exportPath);
    await page.getByText(/^2 runs imported/).waitFor();
    await checkAndOpenNorth(page);
    await page.getByText('12 records, 1 acknowledged').waitFor();
    expect(session.foreign()).toEqual([]);
  });
});

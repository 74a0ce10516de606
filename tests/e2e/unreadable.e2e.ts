/**
 * Files that are not CSV, dropped on the page: alone, the page says in one message which file it
 * saw and what it is; among a district's files, the report names the unreadable file among the
 * problems, checks the rest, and the page is ready for another try either way.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byName,
  chooseFiles,
  dropFiles,
  droppedFromDisk,
  findingGroup,
  engineReport,
  expectedSchools,
  generatedDistrict,
  openApp,
  screenshot,
  shownSchools,
  tempDir,
  waitForReport,
  type DroppedFile,
} from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

/** A 1×1 PNG's first bytes: enough for the signature the page recognises. */
const PNG: DroppedFile = {
  name: 'district-logo.png',
  mimeType: 'image/png',
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
};

/** A spreadsheet saved as a workbook instead of CSV (an .xlsx is a zip of XML parts). */
const workbook = (name: string): DroppedFile => ({
  name,
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  bytes: zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
  }),
});

describe.skipIf(!hasBrowser())('files that cannot be read', () => {
  let session: Session;
  const root = tempDir('unreadable');
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a PNG dropped alone: one message naming the file and what it is', async () => {
    const { page } = session;
    await openApp(page);
    await dropFiles(page, [PNG]);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'These files could not be checked' }).waitFor();
    const message = await alert.textContent();
    expect(message).toContain('The format of these files was not recognised');
    expect(message).toContain('district-logo.png (a PNG image)');
    await screenshot(page, 'unreadable-png');
  });

  it('an .xlsx dropped alone: the same, saying it is an Excel workbook', async () => {
    const { page } = session;
    await dropFiles(page, [workbook('students.xlsx')]);
    await page.getByRole('alert').getByText('students.xlsx (an Excel workbook (.xlsx))').waitFor();
  });

  it('the page is ready for another try: a district picked next is checked', async () => {
    const paths = await generatedDistrict('remind-csv-1.0', join(root, 'next'), { students: 60 });
    await chooseFiles(session.page, paths);
    await waitForReport(session.page);
    expect(await session.page.getByText('These files could not be checked').count()).toBe(0);
  });

  it('a staff list saved as .xlsx among a Clever district’s CSVs: named as unreadable, the rest checked', async () => {
    const { page } = session;
    const dir = join(root, 'clever');
    const paths = (await generatedDistrict('clever', dir)).filter((p) => !p.endsWith('/staff.csv'));
    const dropped = [...paths.map((p) => droppedFromDisk(p)), workbook('staff.xlsx'), PNG];
    const expected = await engineReport(dropped);
    await dropFiles(page, dropped);
    await waitForReport(page);

    const problems = page.getByRole('table', { name: 'File problems by file' });
    const staffRow = problems.getByRole('row').filter({ hasText: 'staff.xlsx' });
    expect(await staffRow.textContent()).toContain('file-unreadable');
    const pngRow = problems.getByRole('row').filter({ hasText: 'district-logo.png' });
    expect(await pngRow.textContent()).toContain('file-ignored');

    const group = findingGroup(page, 'file-unreadable');
    const details = group.getByRole('button', { name: 'Details', exact: true });
    if (await details.count()) await details.click();
    await group.getByRole('button', { name: /^Show 1 record$/ }).click();
    await group.getByText('staff.xlsx cannot be read as CSV: it is an Excel workbook (.xlsx).').waitFor();
    await screenshot(page, 'unreadable-xlsx-among-csv');

    // Staff are optional in Clever: the schools, teachers and students are all still checked.
    const shown = await shownSchools(page);
    expect([...shown].sort(byName)).toEqual(expectedSchools(expected.summary).sort(byName));
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

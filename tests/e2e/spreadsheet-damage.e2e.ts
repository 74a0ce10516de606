/**
 * Issue 17: a district one of whose files went through Excel, dropped on the page. The page lists the
 * damage as a file problem (which file and column, how many, an example) and the findings it causes say
 * where they come from ("Probably Excel: …").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInMemory, planDistrict } from '../../src/core/generate/generate.ts';
import { damageDistrict } from '../../src/core/generate/spreadsheet.ts';
import { dropFiles, openApp, screenshot, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';
import { shownRecords } from './hostile-page.ts';

describe.skipIf(!hasBrowser())('spreadsheet damage in the page', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the damage, and the references it broke say it is probably Excel', async () => {
    const { page } = session;
    const clean = generateInMemory(planDistrict({ format: 'clever', students: 60, rate: 0 }));
    const { files, planted } = damageDistrict(clean, 'clever', 'lost-leading-zeros');
    const encoder = new TextEncoder();
    await openApp(page);
    await dropFiles(
      page,
      [...files].map(([name, text]) => ({ name, mimeType: 'text/csv', bytes: encoder.encode(text) })),
    );
    await waitForReport(page);

    const damage = await shownRecords(page, 'spreadsheet-damage');
    expect(damage).toHaveLength(1);
    expect(damage[0].message).toMatch(
      new RegExp(
        `^enrollments\\.csv Student_id: ${planted!.rows.length} references lost their leading zeros, e\\.g\\. row ${planted!.rows[0]}: \`\\d+\` for \`00\\d+\``,
      ),
    );
    const broken = await shownRecords(page, 'ref-unknown');
    expect(broken.length).toBeGreaterThan(0);
    for (const r of broken)
      expect(r.message).toMatch(
        /is not a person defined in any file\. Probably Excel: the file that defines it has `00\d+`\.$/,
      );
    await screenshot(page, 'spreadsheet-damage');
  });
});

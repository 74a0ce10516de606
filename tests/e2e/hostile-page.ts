/**
 * Reading the page's answer to one case of the bad-input corpus (tests/hostile/corpus.ts) as a person
 * sees it: the one-line refusal, or the report's totals, its file problems and their records (the
 * message and where it points), and whether the planted error beside the broken file is listed.
 */
import type { Page } from 'playwright-core';
import { findingGroup, openSchool } from './app.ts';

/** One corpus formatting entry, "code[/reason] file[:row]", taken apart. */
export interface Expected {
  code: string;
  file: string;
  row: number | null;
}

export function parseFormatting(entry: string): Expected {
  // The file name may hold spaces ("district.zip/students.csv (2)").
  const [codeAndReason, where] = [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)];
  const match = /^(.*?)(?::(\d+))?$/.exec(where)!;
  return { code: codeAndReason.split('/')[0], file: match[1], row: match[2] ? Number(match[2]) : null };
}

/** file → code → findings, as the corpus entries say. */
export function byFileAndCode(entries: readonly Expected[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const { file, code } of entries) (out[file] ??= {})[code] = (out[file][code] ?? 0) + 1;
  return out;
}

/** Marks what the page shows now, so the answer to the next files is not mistaken for it. */
export async function markShown(page: Page): Promise<void> {
  await page.evaluate(() =>
    document
      .querySelectorAll('section.report, section.failure')
      .forEach((e) => e.setAttribute('data-stale', '')),
  );
}

/**
 * Waits for the answer to the files just given: the failure panel, or a report whose run the history
 * has finished with (a check may run again against its district's own previous run first).
 */
export async function waitForAnswer(page: Page, timeout: number): Promise<'refused' | 'report'> {
  await page.waitForFunction(() => !document.querySelector('[data-stale]'), null, { timeout });
  const failure = page.locator('section.failure');
  const settled = page
    .locator('section.report')
    .getByRole('status')
    .filter({ hasText: /Kept in this browser's history|This run was not saved/ });
  await failure.or(settled).first().waitFor({ timeout });
  return (await failure.count()) > 0 ? 'refused' : 'report';
}

const TOTAL_LABELS: Record<string, string> = {
  Schools: 'schools',
  Teachers: 'teachers',
  Students: 'students',
  Parents: 'parents',
  Classes: 'classes',
  'Formatting problems': 'formatting',
  Errors: 'error',
  Alerts: 'alert',
  'Sync holds': 'hold',
};

/** The district totals shown above the report, by their Totals key (staff is not shown). */
export async function shownTotals(page: Page): Promise<Record<string, number>> {
  const pairs = await page
    .locator('section.report section.totals .item')
    .evaluateAll((items) =>
      items.map((i) => [i.querySelector('dt')?.textContent ?? '', i.querySelector('dd')?.textContent ?? '']),
    );
  return Object.fromEntries(pairs.map(([label, n]) => [TOTAL_LABELS[label], Number(n.replace(/,/g, ''))]));
}

/** The "File problems by file" table: file → code → findings (empty when there is no table). */
export async function shownFileProblems(page: Page): Promise<Record<string, Record<string, number>>> {
  const rows = await page
    .getByRole('table', { name: 'File problems by file' })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        file: tr.querySelector('th code')?.textContent ?? '',
        codes: [...tr.querySelectorAll('.codes > span')].map((s) => [
          s.querySelector('code')?.textContent ?? '',
          (s.textContent ?? '').split('×')[1] ?? '',
        ]),
      })),
    );
  return Object.fromEntries(
    rows.map((r) => [r.file, Object.fromEntries(r.codes.map(([code, n]) => [code, Number(n.trim())]))]),
  );
}

export interface ShownRecord {
  /** The finding's message alone. */
  message: string;
  /** "file" or "file, row N", as printed under it. */
  where: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Opens the records of one type of file problem and reads them (first page). */
export async function shownRecords(page: Page, code: string): Promise<ShownRecord[]> {
  const group = findingGroup(page, code).first();
  const details = group.getByRole('button', { name: 'Details', exact: true });
  if (await details.count()) await details.click();
  await group.getByRole('button', { name: /^Show [\d,]+ records?$/ }).click();
  const rows = group.getByRole('table', { name: /^Records:/ }).locator('tbody tr');
  await rows.first().waitFor();
  const read = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = tr.querySelectorAll('td')[1];
      const where = cell?.querySelector('.where')?.textContent ?? '';
      return { all: cell?.textContent ?? '', where };
    }),
  );
  return read.map(({ all, where }) => ({
    message: squeeze(all.slice(0, all.lastIndexOf(where))),
    where: squeeze(where),
  }));
}

/** The planted error (teacher t2 of North High has no email) is listed in that school. */
export async function plantedShown(page: Page): Promise<boolean> {
  await openSchool(page, 'North High');
  const group = findingGroup(page, 'teacher-email').first();
  await group.getByRole('button', { name: /^Show [\d,]+ records?$/ }).click();
  const rows = group.getByRole('table', { name: /^Records:/ }).locator('tbody tr');
  await rows.first().waitFor();
  const records = await rows.locator('td.record code').allTextContents();
  return records.includes('t2');
}

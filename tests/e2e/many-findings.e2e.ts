/**
 * A school with 100 000 findings of one type: its detail opens, its records show 50 at a time and
 * page on, and its CSV downloads whole, with no long freeze of the page on the way: the findings stay
 * in the worker and the page never holds more than one page of them, which the test counts (rows in
 * the document, and what the page received from the worker) instead of timing it. The page's speed
 * on large districts is measured by npm run bench:browser.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/app/state/finding-pager.svelte.ts';
import { csvRows } from '../../src/core/report/csv-rows.ts';
import type { ValidationResult } from '../../src/core/report/build.ts';
import { district } from '../fixtures/worker-district.ts';
import {
  chooseFiles,
  engineReport,
  findingGroup,
  openApp,
  openSchool,
  screenshot,
  shownSchools,
  tempDir,
  waitForReport,
} from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const MANY = 100_000;
const CODE = 'teacher-email';

/**
 * Runs in the page before its scripts: weighs every answer the page receives from its workers, by
 * the method of the call it answers (Comlink: a call carries an id and its method's path, its answer
 * the same id). Weight: characters of strings, elements of typed arrays, 1 per other value; a Blob,
 * made in the worker, weighs 1. So a test can bound how much of the findings came to the page.
 */
function weighWorkerAnswers() {
  const received: Record<string, number> = {};
  Object.assign(window, { received });
  const weigh = (v: unknown, seen: Set<object>): number => {
    if (typeof v === 'string') return v.length;
    if (v === null || typeof v !== 'object') return 1;
    if (seen.has(v) || v instanceof Blob) return 1;
    seen.add(v);
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v.byteLength;
    return Object.values(v).reduce((n: number, x) => n + weigh(x, seen), 1);
  };
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    #methods = new Map<unknown, string>();
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      this.addEventListener('message', (e) => {
        const method = this.#methods.get(e.data?.id) ?? '(other)';
        received[method] = (received[method] ?? 0) + weigh(e.data, new Set());
      });
    }
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions) {
      const call = message as { id?: unknown; path?: string[] } | null;
      if (call?.id !== undefined && call.path?.length) this.#methods.set(call.id, call.path.join('.'));
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  };
}

/** The weight of the worker's answers to `method` since the last call for it. */
const receivedSinceLast = (session: Session, method: string) =>
  session.page.evaluate((m) => {
    const received = (window as unknown as { received: Record<string, number> }).received;
    const weight = received[m] ?? 0;
    received[m] = 0;
    return weight;
  }, method);

/** Every finding's message alone is longer than 1 character: less than this is less than 1% of them. */
const LESS_THAN_ONE_PERCENT = MANY;

describe.skipIf(!hasBrowser())('a school with 100 000 findings', () => {
  let session: Session;
  let expected: ValidationResult;
  let paths: string[];
  const root = tempDir('many');
  beforeAll(async () => {
    paths = Object.entries(district(MANY)).map(([name, text]) => {
      writeFileSync(join(root, name), text);
      return join(root, name);
    });
    expected = await engineReport(paths);
    session = await openSession();
    await session.context.addInitScript(weighWorkerAnswers);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('the Schools table counts them', async () => {
    await openApp(session.page);
    await chooseFiles(session.page, paths);
    await waitForReport(session.page);
    // The answer watch sees the worker's answers (the run's summary at least).
    expect(await receivedSinceLast(session, 'run')).toBeGreaterThan(0);
    const north = (await shownSchools(session.page)).find((s) => s.name === 'North')!;
    expect(north.errors).toBe(MANY);
    expect(expected.summary.schools.find((s) => s.id === 's1')!.error[CODE]).toBe(MANY);
  });

  it('the detail opens and pages through them 50 at a time, only a page of them in the page', async () => {
    const { page } = session;
    await receivedSinceLast(session, 'findings'); // only what follows counts
    await openSchool(page, 'North');
    const group = findingGroup(page, CODE);
    await group.getByRole('button', { name: 'Show 100,000 records' }).click();
    const table = group.getByRole('table', { name: /^Records:/ });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(PAGE_SIZE);

    const pager = group.getByRole('navigation', { name: /^Pages of/ });
    await pager.getByText(`Records 1–${PAGE_SIZE} of 100,000`).waitFor();
    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText(`Records ${PAGE_SIZE + 1}–${2 * PAGE_SIZE} of 100,000`).waitFor();
    expect(await rows.count()).toBe(PAGE_SIZE);
    const all = [...csvRows(expected, { school: 's1', code: CODE })];
    expect(await rows.first().textContent()).toContain(String(all[PAGE_SIZE].problem));
    // A page that took or rendered every finding would freeze for seconds: it has two pages of 50.
    expect(await page.locator('tr').count()).toBeLessThan(2 * PAGE_SIZE);
    const received = await receivedSinceLast(session, 'findings');
    expect(received).toBeGreaterThan(2 * PAGE_SIZE);
    expect(received).toBeLessThan(LESS_THAN_ONE_PERCENT);
    await screenshot(page, 'many-findings-desktop');
  });

  it('"Download CSV" of the type holds every one of them', async () => {
    const { page } = session;
    const group = findingGroup(page, CODE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      group.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.trimEnd().split('\r\n')).toHaveLength(MANY + 1);
    // Made in the worker: the page got a Blob, not the findings.
    expect(await receivedSinceLast(session, 'download')).toBeLessThan(LESS_THAN_ONE_PERCENT);
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

/**
 * A big district (200,000 students, about 80 MB): the progress bar shows the file being read and
 * the rate while the page stays responsive; Cancel stops the check mid-run and leaves the page ready
 * for another try, which then runs to its report.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseFiles,
  DESKTOP,
  generatedDistrict,
  openApp,
  PHONE,
  runSample,
  screenshot,
  tempDir,
} from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

/**
 * Runs in the page: the value of the progress bar at each animation frame, until it has shown
 * `distinct` values (or is gone), or else for `frames` frames.
 */
function watchProgress() {
  Object.assign(window, {
    progressAtEachFrame: (until: { distinct?: number; frames?: number }) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        let frames = 0;
        const frame = () => {
          frames++;
          const bar = document.querySelector<HTMLProgressElement>(
            'progress[aria-label="Checking the roster"]',
          );
          if (bar) seen.push(bar.value);
          const done = until.distinct
            ? !bar || new Set(seen).size >= until.distinct
            : frames >= (until.frames ?? 1);
          if (done) resolve(seen);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  });
}
declare function progressAtEachFrame(until: { distinct?: number; frames?: number }): Promise<number[]>;

describe.skipIf(!hasBrowser())('cancelling a long check', () => {
  let session: Session;
  let paths: string[];
  const root = tempDir('cancel');
  beforeAll(async () => {
    paths = await generatedDistrict('remind-csv-1.0', root, { students: 200_000, schools: 40 });
    session = await openSession();
    await session.context.addInitScript(watchProgress);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the progress bar, the file being read and the rate, and stays responsive', async () => {
    const { page } = session;
    await openApp(page);
    await chooseFiles(page, paths);
    const bar = page.getByRole('progressbar', { name: 'Checking the roster' });
    await bar.waitFor();
    await page.getByText(/\d+% · reading \S+\.csv · [\d,]+ rows ·\s+[\d,]+ rows per second/).waitFor();
    const percent = Number(await bar.getAttribute('value'));
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThan(100);
    expect(await page.getByRole('heading', { name: '5 files', exact: false }).textContent()).toBe(
      'Checking 5 files…',
    );
    // Responsive, counted and not timed: the page draws frame after frame while the worker's progress
    // moves on (reading on the main thread would draw no frame until it was done). Speed: bench:browser.
    const shown = await page.evaluate(() => progressAtEachFrame({ distinct: 3 }));
    expect(new Set(shown).size).toBe(3);
    expect(shown.every((p) => p < 100)).toBe(true);
    await screenshot(page, 'progress-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'progress-phone');
    await page.setViewportSize(DESKTOP);
    expect(await bar.isVisible()).toBe(true);
  });

  it('Cancel stops the check mid-run: the workers end, no report, the choices enabled again', async () => {
    const { page } = session;
    // The checking worker, and the one it started to hash the chosen files.
    const workers = page.workers();
    expect(workers.map((w) => /(validator|hasher)\.worker/.exec(w.url())?.[1]).sort()).toEqual([
      'hasher',
      'validator',
    ]);
    const ended = workers.map((w) => new Promise((resolve) => w.once('close', resolve)));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await Promise.all(ended);
    expect(page.workers()).toEqual([]);
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    expect(await page.getByRole('table', { name: 'Schools' }).count()).toBe(0);
    expect(await page.getByLabel('Roster files', { exact: true }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Try the sample district' }).isEnabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input-title');
    // Nothing arrives later from the stopped check: no progress and no report, frames later.
    expect(await page.evaluate(() => progressAtEachFrame({ frames: 30 }))).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Results' }).count()).toBe(0);
  });

  it('the next try runs to its report', async () => {
    await runSample(session.page);
    expect(await session.page.getByRole('heading', { name: 'Results' }).count()).toBe(1);
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

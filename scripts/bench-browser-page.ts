/**
 * One district checked in the built page in Chromium (for bench-browser.ts): the files chosen through
 * the "Roster files" input as a person would, then what the page did until the report showed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FormatId } from '../src/core/formats/types.ts';
import type { District } from './bench-data.ts';
import { startProfile, stopProfile } from './bench-profile.ts';

const MB = 1e6;
/** How long to keep watching after the report shows (it renders, the history keeps the run). */
const AFTER_REPORT_MS = 5000;

/** Runs in the page before its own scripts: records long tasks and every change of the progress shown. */
export function watchPage(): void {
  const w = window as unknown as {
    bench: { longTasks: number[][]; updates: number[]; shown: string[]; reportDrawn?: number };
  };
  w.bench = { longTasks: [], updates: [], shown: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let shown = '';
  let reportSeen = false;
  new MutationObserver(() => {
    // The report is on screen once the Schools table is in the page and the browser has drawn the frame
    // after it: timed here, in the page, because Playwright's waiting polls (every 500 ms after a while).
    if (!reportSeen && document.querySelector('table[aria-labelledby="schools-title"]')) {
      reportSeen = true;
      requestAnimationFrame(() => setTimeout(() => (w.bench.reportDrawn = performance.now())));
    }
    const panel = document.querySelector('section.progress');
    if (!panel) return;
    const bar = panel.querySelector('progress');
    const now = `${bar?.getAttribute('value') ?? ''}|${panel.querySelector('.detail')?.textContent ?? ''}`;
    if (now !== shown) {
      shown = now;
      w.bench.updates.push(performance.now());
      w.bench.shown.push(now);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * Resident memory of every process this one started: the browser and all its processes (renderers
 * with the page's worker, GPU, network…). The preview server runs in this process, not counted.
 */
function browserRss(rootPid: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, depth = 0; p > 1 && depth < 20; p = parent.get(p) ?? 0, depth++)
      if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) if (pid !== rootPid && inTree(pid)) total += bytes;
  return total;
}

export interface BrowserResult {
  /** The built site checked (--dist), or "dist". */
  site: string;
  format: FormatId;
  students: number;
  bytes: number;
  completed: boolean;
  outcome: string;
  /** From choosing the files to the Schools table showing. */
  seconds: number;
  rowsPerSecond: number;
  progressUpdates: number;
  updatesPerSecond: number;
  /** Longest time without a change of the progress shown, while checking, and what was shown then. */
  maxProgressGapMs: number;
  maxProgressGapAfter: string;
  longTasks: number;
  longTasksOver100ms: number;
  longestTaskMs: number;
  /** The same after the report showed (rendering, keeping the run in the history). */
  longTasksAfter: number;
  longestTaskAfterMs: number;
  peakBrowserRssMB: number | null;
  /** The Node engine on the same district (`npm run bench`'s runner), if measured. */
  node: NodeSeconds | null;
  /** Each change of the progress shown: ms since the files were chosen, and what it said. */
  timeline: [number, string][];
  /** With --profile: what the page's main thread did in each stretch busy 50 ms or more. */
  profiled: string;
  /** Each long task until the report showed: ms since the files were chosen, and its duration. */
  longTaskTimes: [number, number][];
}

export async function checkDistrict(
  browser: Browser,
  url: string,
  d: District,
  site: string,
  profile = false,
  settleMs = 0,
): Promise<BrowserResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.addInitScript(watchPage);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Choose the files to check' }).waitFor();
  // A person takes a moment to choose the files; the page uses it (its worker starts once idle).
  await page.waitForTimeout(settleMs);
  const files = readdirSync(d.dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()
    .map((n) => join(d.dir, n));
  const linux = process.platform === 'linux';
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (linux) peakRss = Math.max(peakRss, browserRss(process.pid));
  }, 250);
  const cdp = profile ? await startProfile(page) : null;
  const started = await page.evaluate(() => performance.now());
  await page.getByLabel('Roster files', { exact: true }).setInputFiles(files);
  const timeout = d.students >= 1_000_000 ? 30 * 60_000 : 5 * 60_000;
  const outcome = await Promise.race([
    page
      .getByRole('table', { name: 'Schools' })
      .waitFor({ timeout })
      .then(() => 'report'),
    page
      .getByRole('heading', { name: /did not finish|could not be checked/ })
      .waitFor({ timeout })
      .then(async () => `failed: ${await page.locator('section.failure').innerText()}`),
    new Promise<string>((resolve) => page.on('crash', () => resolve('the tab crashed'))),
  ]).catch(
    (e: unknown) => `no report within ${timeout / 60_000} min (${e instanceof Error ? e.message : e})`,
  );
  const seen = crashed ? 0 : await page.evaluate(() => performance.now());
  if (!crashed) await page.waitForTimeout(AFTER_REPORT_MS);
  const profiled = cdp && !crashed ? await stopProfile(cdp, 50) : '';
  clearInterval(sampler);
  type Watched = { longTasks: number[][]; updates: number[]; shown: string[]; reportDrawn?: number };
  const bench: Watched = crashed
    ? { longTasks: [], updates: [], shown: [] }
    : await page.evaluate(() => (window as unknown as { bench: Watched }).bench);
  await context.close();
  // When the page drew the report; when Playwright noticed it, only if the page could not tell.
  const shown = outcome === 'report' && bench.reportDrawn ? bench.reportDrawn : seen;

  const during = bench.longTasks.filter(([start]) => start >= started && start < shown);
  const after = bench.longTasks.filter(([start]) => start >= shown);
  const kept = bench.updates.map((t, i) => [t, i]).filter(([t]) => t >= started && t <= shown);
  const updates = kept.map(([t]) => t);
  let maxGap = 0;
  let gapAfter = '';
  // Until the report shows: the last gap is from the last progress shown to the report.
  const times = [...updates, shown];
  for (let i = 1; i < times.length; i++) {
    if (times[i] - times[i - 1] > maxGap) {
      maxGap = times[i] - times[i - 1];
      gapAfter = bench.shown[kept[i - 1][1]];
    }
  }
  const seconds = (shown - started) / 1000;
  return {
    site,
    format: d.format,
    students: d.students,
    bytes: d.bytes,
    completed: outcome === 'report' && !crashed,
    outcome: crashed ? 'the tab crashed' : outcome,
    seconds,
    rowsPerSecond: d.lines / seconds,
    progressUpdates: updates.length,
    updatesPerSecond: updates.length / seconds,
    maxProgressGapMs: maxGap,
    maxProgressGapAfter: gapAfter,
    longTasks: during.length,
    longTasksOver100ms: during.filter(([, duration]) => duration > 100).length,
    longestTaskMs: Math.max(0, ...during.map(([, duration]) => duration)),
    longTasksAfter: after.length,
    longestTaskAfterMs: Math.max(0, ...after.map(([, duration]) => duration)),
    peakBrowserRssMB: linux ? peakRss / MB : null,
    node: null,
    timeline: kept.map(([t, i]) => [Math.round(t - started), bench.shown[i]]),
    profiled,
    longTaskTimes: during.map(([start, duration]) => [Math.round(start - started), Math.round(duration)]),
  };
}

/** The Node engine's times on a district: its median once warm, and its first run in a fresh process. */
export interface NodeSeconds {
  warm: number;
  first: number;
}

/**
 * One Chromium per test file, and a context that records every request it makes, so each test can
 * prove that nothing left the browser (no request to any origin but the app's own), and every error
 * the pages report (console errors, uncaught exceptions, Content-Security-Policy refusals).
 */
import {
  chromium as playwright,
  type Browser,
  type BrowserContext,
  type Page,
  type Worker,
} from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium.ts';

export const hasBrowser = () => inject('chromium') !== '';
export const baseURL = () => inject('baseURL');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL requested by any page, worker or service worker of the context. */
  requests: string[];
  /** Requests to any origin other than the app's. */
  foreign(): string[];
  /** Failed responses, console errors and uncaught exceptions of every page and worker of the context. */
  problems(): string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  viewport?: { width: number; height: number };
  /** Only for injecting test tools (axe-core) as a <script>: the app's own policy would refuse them. */
  bypassCSP?: boolean;
  /** The app's origin (default: the built site served by global-setup). */
  origin?: string;
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const browser = await playwright.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  const watchWorker = (worker: Worker) =>
    worker.on('console', (m) => m.type() === 'error' && problems.push(`worker: ${m.text()}`));
  const watch = (page: Page) => {
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('worker', watchWorker);
  };
  context.on('page', watch);
  context.on('serviceworker', watchWorker);
  const page = await context.newPage();
  const origin = options.origin ?? new URL(baseURL()).origin;
  return {
    browser,
    context,
    page,
    requests,
    foreign: () =>
      requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')),
    problems: () => [...problems],
    close: () => browser.close(),
  };
}

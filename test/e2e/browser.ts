/**
 * One Chromium per test file, and a page that records every request it makes, so each test can
 * prove that nothing left the browser (no request to any origin but the app's own).
 */
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
  close(): Promise<void>;
}

export async function openSession(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const browser = await playwright.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const origin = new URL(baseURL()).origin;
  return {
    browser,
    context,
    page,
    requests,
    foreign: () =>
      requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
    close: () => browser.close(),
  };
}

/**
 * Browser tests run against the built app served by `vite preview`, as a user would get it.
 * This builds once, serves dist/ on a free port, and hands the URL to the tests.
 */
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { findChromium, missingChromiumBanner } from './chromium.ts';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.error('\n' + missingChromiumBanner() + '\n');
    if (process.env.CI === 'true')
      throw new Error('Chromium is required for the browser tests under CI=true.');
    project.provide('chromium', '');
    project.provide('baseURL', '');
    return;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') await build({ logLevel: 'warn' });
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('chromium', chromium);
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
    baseURL: string;
  }
}

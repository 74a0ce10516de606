/**
 * Browser tests run against the built app served by `vite preview`, as a user would get it.
 * This builds once, serves dist/ on a free port, and hands the URL to the tests.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';
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
  if (process.env.E2E_SKIP_BUILD !== '1') buildSite();
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('chromium', chromium);
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
}

/**
 * `vite build` as `npm run build` runs it, in its own process: inside Vitest NODE_ENV is "test", and
 * a build made there would be a development build (import.meta.env.PROD false: no service worker).
 */
function buildSite(): void {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
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

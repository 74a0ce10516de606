import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { devCsp } from './scripts/dev-csp.ts';
import { docsSite } from './scripts/docs-site.ts';
import { serviceWorker } from './scripts/sw-plugin.ts';

/**
 * The third-party sample rosters (some GPL-3.0; the vendored Ed-Fi set is Apache-2.0 with its own
 * notice) are test data only: never let one into the app.
 */
export const SAMPLE_FOLDERS = ['/shared/samples/', '/tests/fixtures/samples/'];
export function forbidSamples(): Plugin {
  return {
    name: 'forbid-shared-samples',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const path = id.replace(/\\/g, '/');
      const folder = SAMPLE_FOLDERS.find((f) => path.includes(f));
      if (folder) throw new Error(`${id} is test data from ${folder} and must not be bundled into the app.`);
      return null;
    },
  };
}

export default defineConfig({
  // docsSite: docs/**/*.md as pages under docs/ (the app links docs/rules/<code>.html).
  // serviceWorker: sw.js, precaching every file of the build (after docsSite's pages).
  // devCsp: the dev server's looser style-src (index.html's policy is the built site's).
  plugins: [svelte(), forbidSamples(), docsSite(), serviceWorker(), devCsp()],
  // Relative asset URLs: the built app works from any folder it is served from.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30000,
    // Says once, loudly, which sample tests a clone without ../shared/samples skips (fails under CI=true).
    globalSetup: ['tests/samples-setup.ts'],
    // Component tests (*.svelte.test.ts) declare `// @vitest-environment jsdom` themselves.
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});

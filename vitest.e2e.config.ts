import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium (see test/e2e/global-setup.ts). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120000,
    hookTimeout: 180000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium (see tests/e2e/global-setup.ts). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120000,
    hookTimeout: 180000,
    fileParallelism: false,
  },
});

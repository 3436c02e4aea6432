import { defineConfig } from 'vitest/config';

// Browser tests: a real Chromium (Debian's /usr/bin/chromium) drives the production build served by `vite preview`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});

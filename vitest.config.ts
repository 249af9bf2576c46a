import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // One PostgreSQL, one engine and one worker pool for the whole run (NOTES.md: boot takes tens of seconds).
    globalSetup: ['test/global-setup.ts'],
    // Files share the engine and its worker pool; isolating them by data is enough, and 2 cores gain little.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});

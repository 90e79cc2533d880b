import { defineConfig } from 'vitest/config';

// Two projects: fast pure unit tests, and end-to-end tests that drive a real dev node and real
// Chromium. Every e2e file runs in its own process (one dev node per process at most).
export default defineConfig({
  test: {
    teardownTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'extension/**/*.test.ts', 'gateway/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests use one fixed fast-check seed (FC_SEED=<n> to try another).
          setupFiles: ['test/support/fast-check-seed.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/adversary/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          globalSetup: ['test/support/global-devnode.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

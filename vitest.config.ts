import { defineConfig } from 'vitest/config';
import { E2E_SERVERS } from './test/e2e/servers.js';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'api',
          include: ['test/integration/**/*.test.ts'],
          // Every file builds its own app on its own database, and no test mocks a module or the clock globally, so
          // the files of one worker share the loaded modules: loading the whole server again per file was a third
          // of the suite's time.
          isolate: false,
          globalSetup: ['test/helpers/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // As many files at a time as there are servers, each worker on its own (test/e2e/servers.ts).
          maxWorkers: E2E_SERVERS,
        },
      },
    ],
  },
});

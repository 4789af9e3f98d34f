import { availableParallelism } from 'node:os';

/**
 * Browser test files run this many at a time, each on a server of its own (test/e2e/globalSetup.ts). A browser test
 * keeps two cores busy (Chromium, the server, the test), so on two cores two files side by side each took twice as
 * long and nothing was won: one at a time there, two from four cores. E2E_SERVERS sets it.
 */
export const E2E_SERVERS = Math.max(
  1,
  Number(process.env.E2E_SERVERS) || Math.min(2, Math.floor(availableParallelism() / 2)),
);

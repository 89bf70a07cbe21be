import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (dist/chrome-e2e) in Debian's Chromium
 * against a real Mattermost server started by scripts/mattermost.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  // One browser profile per test, one test at a time: two cores, and the
  // server's state (statuses, unread markers) is shared.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  retries: 0,
  use: { trace: 'retain-on-failure' },
});

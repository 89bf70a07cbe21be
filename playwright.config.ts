import { defineConfig } from '@playwright/test';
import type { WebappOption } from './tests/e2e/servedWebapp.ts';

/**
 * End-to-end tests: the built extension (dist/chrome-e2e) in Debian's Chromium
 * against a real Mattermost server started by scripts/mattermost. Every test
 * runs in the stand-in page; then the auto-reply, health, identity,
 * support-packet (the packet's script is run in the live page) and support-desk
 * (its links open threads in the webapp) tests run again in Mattermost's own
 * webapp, served by the same server. The support desk's automation, which acts
 * on what the page's socket brings, runs in the stand-in page only where
 * Mattermost's webapp is missing.
 */
export default defineConfig<WebappOption>({
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
  // In CI, a test that fails once on a loaded two-core machine gets one more try; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'stand-in', use: { webapp: 'stand-in' } },
    {
      name: 'real-webapp',
      testMatch: /\/(auto-reply|health|identity|support-packet|support-desk)[^/]*\.spec\.ts$/,
      use: { webapp: 'real-webapp' },
      // The webapp loads and reconnects far more slowly than the stand-in on a small machine.
      timeout: 180_000,
      expect: { timeout: 30_000 },
      // The two pages share one server: the second project starts once the first is done.
      dependencies: ['stand-in'],
    },
  ],
});

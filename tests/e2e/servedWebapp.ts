// Which page a test runs in: the Playwright project sets `webapp`, and the
// server is switched to that page before each test (see
// scripts/mattermost/served-webapp.ts). Global setup records whether this
// machine has Mattermost's webapp at all.
import type { WebappKind } from '../../scripts/mattermost/served-webapp.ts';

export type { WebappKind };

export interface WebappOption {
  /** The page the server serves as its webapp during the test. */
  webapp: WebappKind;
}

const realWebappVariable = 'COMPANION_E2E_REAL_WEBAPP';

export function recordRealWebapp(available: boolean): void {
  process.env[realWebappVariable] = available ? '1' : '';
}

export function hasRealWebapp(): boolean {
  return process.env[realWebappVariable] === '1';
}

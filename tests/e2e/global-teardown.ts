import { stopMattermost } from '../../scripts/mattermost/lifecycle.ts';

/** Stops the server only when this run started it; one started by `npm run mm:up` stays up. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.COMPANION_E2E_STOP_SERVER === '1') await stopMattermost();
}

import { startMattermost } from '../../scripts/mattermost/lifecycle.ts';
import { recordRealWebapp } from './servedWebapp.ts';

export default async function globalSetup(): Promise<void> {
  const { server, startedNow, realWebapp } = await startMattermost();
  process.env.COMPANION_E2E_STOP_SERVER = startedNow ? '1' : '';
  recordRealWebapp(realWebapp);
  console.log(`End-to-end tests run against Mattermost at ${server.url} (X-Version-Id: ${server.versionId})`);
  if (!realWebapp) {
    console.log(
      'The real-webapp tests are skipped: no build of Mattermost’s webapp here (set COMPANION_WEBAPP to its client .tar.xz or folder).',
    );
  }
  // Imported late: the test helpers read .mattermost/server.json, which the start writes.
  const { retireEarlierTestMembers } = await import('./actors.ts');
  const retired = await retireEarlierTestMembers();
  if (retired > 0) console.log(`Deactivated ${retired} accounts that earlier test runs created.`);
}

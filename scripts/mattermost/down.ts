// Stops what `npm run mm:up` started: the Mattermost server and, if it
// created one, the private PostgreSQL cluster. Does nothing when nothing runs.
//
// Usage: npm run mm:down
import { isExecutedDirectly, runCli } from './cli.ts';
import { stopMattermost } from './lifecycle.ts';

if (isExecutedDirectly(import.meta.url)) {
  runCli(async () => {
    await stopMattermost();
    console.log('Nothing from mm:up is running any more.');
  });
}

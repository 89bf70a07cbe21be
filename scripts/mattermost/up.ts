// Starts the local Mattermost server for the end-to-end tests (building it
// and PostgreSQL's database if needed, then seeding accounts), or reuses the
// one already running, and prints where it is and how to sign in.
//
// Usage: npm run mm:up          (MM_TEST_PORT picks the port, default 8065;
//                               COMPANION_WEBAPP the webapp build to serve)
import { isExecutedDirectly, runCli } from './cli.ts';
import { startMattermost } from './lifecycle.ts';
import { runtimePaths } from './paths.ts';
import { realWebappSource } from './served-webapp.ts';
import type { ServerInfo } from './server-info.ts';

function describeServer(server: ServerInfo, realWebapp: boolean): string {
  const rows: [string, string, string][] = [
    ['username', 'password', 'email'],
    ...[server.admin, ...Object.values(server.users)].map(
      (account): [string, string, string] => [account.username, account.password, account.email],
    ),
  ];
  const usernameWidth = Math.max(...rows.map(([username]) => username.length));
  const passwordWidth = Math.max(...rows.map(([, password]) => password.length));
  const table = rows.map(
    ([username, password, email]) =>
      `  ${username.padEnd(usernameWidth)}  ${password.padEnd(passwordWidth)}  ${email}` +
      (username === server.admin.username ? '  (system admin)' : ''),
  );
  return [
    '',
    `Mattermost is running at ${server.url}`,
    `  version: ${server.versionId}`,
    `  team:    ${server.team.name}`,
    `  webapp:  ${realWebapp ? `Mattermost's webapp, from ${realWebappSource()}` : 'the stand-in page (tests/harness-webapp)'}`,
    '',
    ...table,
    '',
    `Details for tests: ${runtimePaths.serverInfo}`,
    'Stop it with: npm run mm:down',
  ].join('\n');
}

if (isExecutedDirectly(import.meta.url)) {
  runCli(async () => {
    const { server, realWebapp } = await startMattermost();
    console.log(describeServer(server, realWebapp));
  });
}

import { repoRoot } from '../../scripts/mattermost/paths.ts';
import { runCommand } from '../../scripts/mattermost/run-command.ts';

/** Builds dist/chrome (measured for size) and dist/chrome-e2e (loaded into Chromium), as `npm test` does. */
export async function buildExtension(): Promise<void> {
  await runCommand('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot });
  await runCommand('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], { cwd: repoRoot });
}

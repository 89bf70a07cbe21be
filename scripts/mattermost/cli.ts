// The scripts in this folder are both npm commands and libraries (Playwright's
// globalSetup imports them), so the command-line part must only run when the
// file is the program being executed.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isExecutedDirectly(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Runs a command's main function, printing a failure as a readable message and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

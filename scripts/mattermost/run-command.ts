// One way to run the external programs the test server needs (go, psql,
// initdb, pg_ctl), so every failure says which command failed and why.
import { spawn } from 'node:child_process';

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Show the program's output live instead of capturing it (long builds). */
  streamOutput?: boolean;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class CommandNotFoundError extends Error {
  constructor(readonly command: string) {
    super(`\`${command}\` is not installed or not on PATH.`);
  }
}

/** Runs a program and resolves with its exit code and output, whatever the exit code. */
export function tryCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.streamOutput ? 'inherit' : 'pipe', options.streamOutput ? 'inherit' : 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new CommandNotFoundError(command) : error);
    });
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, stdout, stderr }));
  });
}

/** Runs a program and returns its standard output; rejects if it exits non-zero. */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  const result = await tryCommand(command, args, options);
  if (result.exitCode !== 0) {
    const detail = (result.stderr || result.stdout).trim();
    throw new Error(
      `\`${[command, ...args].join(' ')}\` failed with exit code ${result.exitCode}` +
        (detail ? `:\n${detail}` : ''),
    );
  }
  return result.stdout;
}

import { readFile, stat } from 'node:fs/promises';

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The last lines of a log file, for error messages that show why a process did not start. */
export async function tailOfFile(path: string, lines = 30): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '(nothing was written)');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

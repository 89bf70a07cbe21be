import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Environment } from './environment.ts';
import type { Figure } from './figure.ts';
import { resultsMarkdown } from './resultsTable.ts';

/** Writes results.json and results.md into `outDir` and returns the Markdown. */
export async function writeResults(outDir: string, environment: Environment, figures: readonly Figure[]): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const markdown = resultsMarkdown(environment, figures);
  await writeFile(join(outDir, 'results.json'), `${JSON.stringify({ environment, figures }, null, 2)}\n`);
  await writeFile(join(outDir, 'results.md'), markdown);
  return markdown;
}

/**
 * Zips the store builds, dist/chrome and dist/firefox, into
 * dist/companion-for-mattermost-<browser>-<version>.zip.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';

const root = path.resolve(import.meta.dirname, '..');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

for (const browser of ['chrome', 'firefox']) {
  const buildDir = path.join(root, 'dist', browser);
  const manifest = JSON.parse(await readFile(path.join(buildDir, 'manifest.json'), 'utf8')) as { version: string };
  const zip = new JSZip();
  for (const file of (await filesUnder(buildDir)).sort()) {
    zip.file(path.relative(buildDir, file).split(path.sep).join('/'), await readFile(file));
  }
  const archive = path.join(root, 'dist', `companion-for-mattermost-${browser}-${manifest.version}.zip`);
  await writeFile(archive, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log(`Wrote ${path.relative(root, archive)}`);
}

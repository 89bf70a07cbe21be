// Figure 4: what the extension costs to carry — the compressed size of each
// part of the store build, and the memory a tab's reply state holds after
// many conversations.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/mattermost/paths.ts';
import { displayNamesRemembered, handledPostsRemembered } from '../../src/content/tabMemory.ts';
import { comparison, figure, type Figure } from '../report/figure.ts';
import { bundleSize, popupAssets, type BundleSize } from './bundleSizes.ts';

const section = 'Footprint';
const storeBuild = join(repoRoot, 'dist', 'chrome');
const runFile = promisify(execFile);

export async function measureFootprint(conversations: number): Promise<Figure[]> {
  return [...(await bundleFigures()), ...(await memoryFigures(conversations))];
}

async function bundleFigures(): Promise<Figure[]> {
  const manifest = JSON.parse(await readFile(join(storeBuild, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    action: { default_popup: string };
  };
  const popupHtml = await readFile(join(storeBuild, manifest.action.default_popup), 'utf8');
  const parts: BundleSize[] = [
    await bundleSize(storeBuild, 'content script (isolated world)', ['src/content/mattermost.js']),
    await bundleSize(storeBuild, 'page-world socket observer', ['src/content/page-socket-observer.js']),
    await bundleSize(storeBuild, 'service worker and its chunks', [manifest.background.service_worker]),
    await bundleSize(storeBuild, 'popup scripts and stylesheet', popupAssets(popupHtml)),
  ];
  return parts.map((part) =>
    figure(section, `gzip size: ${part.part}`, 'KiB', part.gzipBytes / 1024, `${(part.bytes / 1024).toFixed(1)} KiB before gzip -9; ${part.files.join(', ')}`),
  );
}

async function memoryFigures(conversations: number): Promise<Figure[]> {
  const bounded = await probe('bounded', conversations);
  const unbounded = await probe('unbounded', conversations);
  return [
    comparison(
      section,
      `tab reply state after ${conversations.toLocaleString('en')} conversations`,
      'KiB',
      bounded.bytes / 1024,
      { name: 'same entries without the bounds', value: unbounded.bytes / 1024 },
      `heapUsed after - before, with gc, in a Node process of its own. A tab remembers the last ${handledPostsRemembered.toLocaleString('en')} handled ` +
        `message ids (a BoundedSet, to ignore an event seen twice) and ${displayNamesRemembered} sender names; older entries are forgotten, so this ` +
        'stays the same however many conversations arrive. Forgetting cannot cause a second reply: the server’s history decides each one.',
    ),
  ];
}

interface ProbeResult {
  bytes: number;
}

async function probe(mode: 'bounded' | 'unbounded', conversations: number): Promise<ProbeResult> {
  const { stdout } = await runFile(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join('bench', 'footprint', 'tabMemoryProbe.ts'), mode, String(conversations)],
    { cwd: repoRoot },
  );
  return JSON.parse(stdout) as ProbeResult;
}

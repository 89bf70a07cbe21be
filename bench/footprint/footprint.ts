// Figure 4: what the extension costs to carry — the compressed size of each
// part of the store build, and the memory a tab's reply state holds after
// many conversations.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/mattermost/paths.ts';
import { displayNamesRemembered, handledPostsRemembered } from '../../src/content/tabMemory.ts';
import { conversationsTracked, conversationsWithPostsRemembered, postsRememberedPerConversation } from '../../src/shared/autoReply/conversationState.ts';
import { comparison, figure, type Figure } from '../report/figure.ts';
import { bundleSize, pageAssets, type BundleSize } from './bundleSizes.ts';
import { measureScriptLoadTime } from './scriptLoadTime.ts';

const section = 'Footprint';
const storeBuild = join(repoRoot, 'dist', 'chrome');
const runFile = promisify(execFile);

export async function measureFootprint(conversations: number, reloads: number): Promise<Figure[]> {
  return [...(await bundleFigures()), ...(await loadTimeFigures(reloads)), ...(await memoryFigures(conversations))];
}

const pageLoadScripts = ['src/content/mattermost.js', 'src/content/page-socket-observer.js'];

async function loadTimeFigures(reloads: number): Promise<Figure[]> {
  const time = await measureScriptLoadTime(pageLoadScripts, reloads);
  const how = `Median of ${time.reloads} reloads of a tab on an enabled workspace (the stand-in page), from a DevTools trace of the tab: ${pageLoadScripts.join(' and ')}.`;
  return [
    figure(section, 'content scripts at page load: parse and compile', 'ms', time.compileMs, `${how} v8.compile events: the top level; V8 compiles functions lazily as they first run (next line).`),
    figure(
      section,
      'content scripts at page load: compile and first run',
      'ms',
      time.evaluateMs,
      `${how} EvaluateScript, compile included: the scripts' top level with the functions it calls, listeners set up, before any request returns.`,
    ),
  ];
}

async function bundleFigures(): Promise<Figure[]> {
  const manifest = JSON.parse(await readFile(join(storeBuild, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    action: { default_popup: string };
    options_ui: { page: string };
  };
  const popupHtml = await readFile(join(storeBuild, manifest.action.default_popup), 'utf8');
  const optionsHtml = await readFile(join(storeBuild, manifest.options_ui.page), 'utf8');
  const parts: { size: BundleSize; about?: string }[] = [
    {
      size: await bundleSize(storeBuild, 'content script loaded with every Mattermost page (isolated world)', ['src/content/mattermost.js']),
      about: 'Goal at most 35 KB (34.2 KiB). Auto-reply and what the support desk does by itself; the support packet’s code and the desk’s analysis are the scripts below.',
    },
    { size: await bundleSize(storeBuild, 'page-world socket observer, loaded with every Mattermost page', ['src/content/page-socket-observer.js']) },
    {
      size: await bundleSize(storeBuild, 'support-packet script', ['src/content/supportPacket/packetScript.js']),
      about: 'Run in the tab only when the popup shows the support-packet block, once per page load.',
    },
    {
      size: await bundleSize(storeBuild, 'support-desk script', ['src/content/desk/deskScript.js']),
      about: 'Run in the tab only when the options page shows the support desk, once per page load.',
    },
    { size: await bundleSize(storeBuild, 'service worker and its chunks', [manifest.background.service_worker]) },
    {
      size: await bundleSize(storeBuild, 'popup scripts and stylesheets', pageAssets(popupHtml)),
      about: 'Preact and the extension’s own code: no component or chart library (icons are inline SVG, the chart is drawn in SVG by hand).',
    },
    { size: await bundleSize(storeBuild, 'options page scripts and stylesheets', pageAssets(optionsHtml)), about: 'Shares its chunks with the popup where they are the same code.' },
  ];
  return parts.map(({ size, about }) =>
    figure(
      section,
      `gzip size: ${size.part}`,
      'KiB',
      size.gzipBytes / 1024,
      `${about ? `${about} ` : ''}${(size.bytes / 1024).toFixed(1)} KiB before gzip -9; ${size.files.join(', ')}`,
    ),
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
        `message ids (a BoundedSet, to ignore an event seen twice), ${displayNamesRemembered} sender names, and what the socket said of its conversations: ` +
        `the newest ${postsRememberedPerConversation} posts of the ${conversationsWithPostsRemembered} most recently active ones, and for at most ` +
        `${conversationsTracked.toLocaleString('en')} the time from which it heard them all (here each conversation holds a message and its auto-reply). ` +
        'Older entries are forgotten, so this stays the same however many conversations arrive. Forgetting cannot cause a second reply: ' +
        'a conversation the tab no longer knows is decided from the server’s history.',
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

// The webapp's own WebSocket as Playwright sees it from outside the page, so
// tests wait for it the same way in the stand-in page and in Mattermost's
// webapp. The webapp holds one socket at a time: the newest one it opened is
// connected once the server answered on it (a `hello` on a new connection, a
// pong on a resumed one), until it closes. An older socket it gave up on may
// report its close much later (offline, the close handshake cannot finish).
import { expect, type CDPSession, type Page, type WebSocket } from '@playwright/test';

const socketPath = '/api/v4/websocket';
const reconnectTimeoutMs = 45_000;

interface SocketWatch {
  hellos: number;
  newest?: WebSocket;
  readonly answered: Set<WebSocket>;
}

const watches = new WeakMap<Page, SocketWatch>();

/** Starts following the page's sockets to the server; the test browsers do it for every page they open. */
export function watchWebappSocket(page: Page): void {
  const watch: SocketWatch = { hellos: 0, answered: new Set() };
  watches.set(page, watch);
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.endsWith(socketPath)) return;
    watch.newest = socket;
    socket.on('framereceived', ({ payload }) => {
      watch.answered.add(socket);
      if (isHello(payload)) watch.hellos += 1;
    });
    socket.on('close', () => watch.answered.delete(socket));
  });
}

function watchOf(page: Page): SocketWatch {
  const watch = watches.get(page);
  if (!watch) throw new Error('The page’s socket is not watched: open pages in a browser from launchExtensionBrowser.');
  return watch;
}

function isHello(payload: string | Buffer): boolean {
  try {
    return (JSON.parse(payload.toString()) as { event?: unknown }).event === 'hello';
  } catch {
    return false;
  }
}

/**
 * Resolves once the page's socket receives a `hello` after this call (after
 * `action` started, when given): a new connection the server accepted. A
 * resumed one (`connection_id` still known) gets none: see expectSocketConnected.
 */
export async function waitForSocketHello(page: Page, action?: () => Promise<unknown>): Promise<void> {
  const watch = watchOf(page);
  const before = watch.hellos;
  await action?.();
  await expect
    .poll(() => watch.hellos, { message: 'the webapp’s WebSocket received hello', timeout: reconnectTimeoutMs })
    .toBeGreaterThan(before);
}

/** Whether the page's newest socket to the server is open and was answered. */
export function isSocketConnected(page: Page): boolean {
  const { newest, answered } = watchOf(page);
  return newest !== undefined && answered.has(newest);
}

export async function expectSocketConnected(page: Page, connected = true): Promise<void> {
  await expect
    .poll(() => isSocketConnected(page), { message: `the webapp’s WebSocket is ${connected ? 'connected' : 'closed'}`, timeout: reconnectTimeoutMs })
    .toBe(connected);
}

/**
 * Takes the browser offline until restoreNetwork. The webapp notices through
 * its ping going unanswered and closes its socket (the client pings every
 * 30 s), then retries until the network is back.
 */
export async function cutNetwork(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await expectSocketConnected(page, false);
}

export async function restoreNetwork(page: Page): Promise<void> {
  await page.context().setOffline(false);
}

/**
 * Takes one tab offline, the others staying online: its socket closes as with
 * cutNetwork, while other tabs of the same browser keep theirs. `onceOffline`
 * runs as soon as the tab is offline: a proxy dropping the connection there,
 * say, so the webapp notices at once rather than by its ping.
 */
export async function cutTabNetwork(page: Page, onceOffline?: () => void): Promise<void> {
  await emulateOffline(page, true);
  onceOffline?.();
  await expectSocketConnected(page, false);
}

export async function restoreTabNetwork(page: Page): Promise<void> {
  await emulateOffline(page, false);
}

const devToolsSessions = new WeakMap<Page, CDPSession>();

/** Emulated conditions last as long as the DevTools session that set them: one session per page. */
async function emulateOffline(page: Page, offline: boolean): Promise<void> {
  let devTools = devToolsSessions.get(page);
  if (!devTools) {
    devTools = await page.context().newCDPSession(page);
    devToolsSessions.set(page, devTools);
  }
  await devTools.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

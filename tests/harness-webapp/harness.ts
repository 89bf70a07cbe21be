// A minimal stand-in for the Mattermost webapp, served by the test server on
// every page URL. It does what matters to the extension: a page on the
// server's origin, signed in through the session cookie, with the user's
// WebSocket held open the way the real webapp holds it. Like the webapp, it
// signs in and out in the page, without a page load. It shows its state in
// the page so browser tests can wait for it.
import { Client4, ClientError, WebSocketClient } from '@mattermost/client';

/** What the Mattermost Desktop app gives the webapp: the user's activity, as the operating system sees it. */
interface DesktopApi {
  onUserActivityUpdate?(listener: (userIsActive: boolean, idleTime: number, manual: boolean) => void): () => void;
}

declare global {
  interface Window {
    desktopAPI?: DesktopApi;
  }
}

const userLine = requireElement('harness-user');
const socketState = requireElement('harness-socket');
const eventList = requireElement('harness-events');
const signInForm = requireElement('harness-sign-in') as HTMLFormElement;
const account = requireElement('harness-account');
const accountItems = requireElement('harness-account-items');

const client = new Client4();
client.setUrl(location.origin);
let socket: WebSocketClient | undefined;
let stopActivityUpdates: (() => void) | undefined;

signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const fields = new FormData(signInForm);
  client.login(String(fields.get('login')), String(fields.get('password'))).then(
    (me) => showSignedIn(me.username),
    (error: unknown) => (userLine.textContent = `Sign-in failed: ${String(error)}`),
  );
});
requireElement('harness-account-menu').addEventListener('click', () => (accountItems.hidden = !accountItems.hidden));
requireElement('harness-sign-out').addEventListener('click', () => void signOut());

void start();

const retryStartMs = 2_000;

/**
 * Like the webapp, opens the WebSocket only once the session is known to be
 * valid, and keeps trying while the server cannot be reached.
 */
async function start(): Promise<void> {
  try {
    showSignedIn((await client.getMe()).username);
  } catch (error) {
    if (error instanceof ClientError && error.status_code === 401) {
      showSignedOut();
      return;
    }
    userLine.textContent = `Error: ${String(error)}`;
    setTimeout(() => void start(), retryStartMs);
  }
}

function showSignedIn(username: string): void {
  userLine.textContent = `Signed in as @${username}`;
  signInForm.hidden = true;
  account.hidden = false;
  accountItems.hidden = true;
  connectWebSocket();
}

function showSignedOut(): void {
  userLine.textContent = 'Not signed in';
  signInForm.reset();
  signInForm.hidden = false;
  account.hidden = true;
}

async function signOut(): Promise<void> {
  socket?.close();
  socket = undefined;
  stopActivityUpdates?.();
  socketState.textContent = 'disconnected';
  await client.logout();
  showSignedOut();
}

function connectWebSocket(): void {
  const connection = new WebSocketClient();
  // Listeners go in before initialize(), as in the webapp, so no event of the
  // first connection is missed.
  connection.addMessageListener((message) => appendEvent(message.event));
  connection.addMissedMessageListener(() => appendEvent('missed_messages'));
  connection.addFirstConnectListener(() => (socketState.textContent = 'connected'));
  connection.addReconnectListener(() => (socketState.textContent = 'connected'));
  connection.addCloseListener(() => (socketState.textContent = 'disconnected'));
  // As in the webapp, only the Desktop app reports the user idle (tests play its part).
  stopActivityUpdates = window.desktopAPI?.onUserActivityUpdate?.((userIsActive, _idleTime, manual) =>
    connection.userUpdateActiveStatus(userIsActive, manual),
  );
  socketState.textContent = 'connecting';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // No token: the browser sends the session cookie with the upgrade request.
  connection.initialize(`${scheme}//${location.host}/api/v4/websocket`);
  socket = connection;
}

function appendEvent(name: string): void {
  const item = document.createElement('li');
  item.textContent = name;
  eventList.append(item);
}

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`root.html has no #${id}`);
  return element;
}

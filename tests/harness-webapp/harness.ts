// A minimal stand-in for the Mattermost webapp, served by the test server on
// every page URL. It does what matters to the extension: a page on the
// server's origin, signed in through the session cookie, with the user's
// WebSocket held open the way the real webapp holds it. It shows its state in
// the page so browser tests can wait for it.
import { Client4, ClientError, WebSocketClient } from '@mattermost/client';

const userLine = requireElement('harness-user');
const socketState = requireElement('harness-socket');
const eventList = requireElement('harness-events');

void start();

/** Like the webapp, opens the WebSocket only once the session is known to be valid. */
async function start(): Promise<void> {
  const client = new Client4();
  client.setUrl(location.origin);
  try {
    const me = await client.getMe();
    userLine.textContent = `Signed in as @${me.username}`;
  } catch (error) {
    userLine.textContent = error instanceof ClientError && error.status_code === 401 ? 'Not signed in' : `Error: ${String(error)}`;
    return;
  }
  connectWebSocket();
}

function connectWebSocket(): void {
  let connection: WebSocket | undefined;
  // While tests cut the network, every reconnection attempt goes to a closed port and fails.
  let networkCut = false;
  const socket = new WebSocketClient({
    newWebSocketFn: (url) => {
      connection = new WebSocket(networkCut ? 'ws://127.0.0.1:9/' : url);
      return connection;
    },
  });
  // Listeners go in before initialize(), as in the webapp, so no event of the
  // first connection is missed.
  socket.addMessageListener((message) => appendEvent(message.event));
  socket.addMissedMessageListener(() => appendEvent('missed_messages'));
  socket.addFirstConnectListener(() => (socketState.textContent = 'connected'));
  socket.addReconnectListener(() => (socketState.textContent = 'connected'));
  socket.addCloseListener(() => (socketState.textContent = 'disconnected'));
  // The real webapp reports the user inactive after a while without input;
  // tests press this button to make the server set an automatic "away".
  requireElement('harness-idle').addEventListener('click', () => socket.userUpdateActiveStatus(false, false));
  // A network drop, as tests cause it: the socket closes under the client, which keeps trying to reconnect.
  requireElement('harness-cut').addEventListener('click', () => {
    networkCut = true;
    connection?.close();
  });
  requireElement('harness-restore').addEventListener('click', () => (networkCut = false));
  socketState.textContent = 'connecting';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // No token: the browser sends the session cookie with the upgrade request.
  socket.initialize(`${scheme}//${location.host}/api/v4/websocket`);
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

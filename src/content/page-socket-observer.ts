/**
 * Runs in the page's own world at document_start, before the webapp opens its
 * WebSocket, and listens to that socket without touching it. A read-only
 * observer costs the server nothing and changes no status; a second socket of
 * our own would mark the user online at every connect.
 */
import { isMattermostSocketUrl, socketEventName, type ObservedSocketEvent } from '../shared/socketEvents.ts';

declare global {
  interface Window {
    companionForMattermostObserving?: boolean;
  }
}

function announce(event: ObservedSocketEvent): void {
  document.dispatchEvent(new CustomEvent(socketEventName, { detail: JSON.stringify(event) }));
}

let socketsOpened = 0;

function observe(socket: WebSocket): void {
  socketsOpened += 1;
  const number = socketsOpened;
  socket.addEventListener('open', () => announce({ kind: 'open', socket: number, url: socket.url }));
  socket.addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data === 'string') announce({ kind: 'message', socket: number, data: event.data });
  });
  socket.addEventListener('close', () => announce({ kind: 'close', socket: number }));
}

if (!window.companionForMattermostObserving) {
  window.companionForMattermostObserving = true;
  window.WebSocket = new Proxy(window.WebSocket, {
    construct(target, args: ConstructorParameters<typeof WebSocket>, newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      if (isMattermostSocketUrl(String(args[0]))) observe(socket);
      return socket;
    },
  });
}

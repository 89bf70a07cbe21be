// A sender's own WebSocket to the server, as the sender's Mattermost client
// would hold it: replies to the sender's messages arrive here as `posted`
// events. Node 20's WebSocket (behind --experimental-websocket, which
// `npm run bench` passes) keeps this free of dependencies.
import type { Post } from '@mattermost/types/posts';

export interface SenderSocket {
  close(): void;
}

/** Called for every post the sender's socket announces, with performance.now() at arrival. */
export type PostListener = (post: Post, arrivedAt: number) => void;

interface SocketFrame {
  event?: string;
  data?: { post?: string };
  seq_reply?: number;
  status?: string;
}

const authenticationTimeoutMs = 15_000;

/** Opens the socket, authenticates with the sender's token and resolves once the server accepted it. */
export function openSenderSocket(serverUrl: string, token: string, onPost: PostListener): Promise<SenderSocket> {
  if (typeof WebSocket === 'undefined') {
    throw new Error('This Node has no WebSocket: run the benchmark with `npm run bench` (it passes --experimental-websocket).');
  }
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/api/v4/websocket`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`The server did not accept a WebSocket within ${authenticationTimeoutMs / 1000} s.`));
    }, authenticationTimeoutMs);
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ seq: 1, action: 'authentication_challenge', data: { token } }));
    });
    socket.addEventListener('error', () => {
      clearTimeout(timer);
      reject(new Error(`The WebSocket to ${serverUrl} failed.`));
    });
    socket.addEventListener('message', (event) => {
      const arrivedAt = performance.now();
      const frame = JSON.parse(String(event.data)) as SocketFrame;
      if (frame.seq_reply === 1) {
        clearTimeout(timer);
        if (frame.status === 'OK') resolve({ close: () => socket.close() });
        else reject(new Error(`The server refused the WebSocket's authentication: ${JSON.stringify(frame)}`));
        return;
      }
      if (frame.event === 'posted' && frame.data?.post) onPost(JSON.parse(frame.data.post) as Post, arrivedAt);
    });
  });
}

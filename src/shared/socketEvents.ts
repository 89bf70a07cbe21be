/**
 * What the page-world observer tells the content script about the webapp's
 * own WebSocket. Only strings cross between the page's world and the
 * extension's, so each event travels as JSON in a CustomEvent's detail.
 */
export const socketEventName = 'companion-for-mattermost:socket';

/** `socket` numbers the webapp's sockets in the order the page opened them. */
export type ObservedSocketEvent =
  | { readonly kind: 'open'; readonly socket: number; readonly url: string }
  | { readonly kind: 'message'; readonly socket: number; readonly data: string }
  | { readonly kind: 'close'; readonly socket: number };

export function isMattermostSocketUrl(url: string): boolean {
  try {
    return new URL(url, location.href).pathname.endsWith('/api/v4/websocket');
  } catch {
    return false;
  }
}

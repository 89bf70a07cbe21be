/**
 * A turn for the Mattermost tab between slices of packet work, so that the
 * page stays responsive; cancelling is noticed at each one. The turn is a
 * message to ourselves, not a timer: browsers hold timers of a tab in the
 * background to about one a second, and the packet goes on while the user
 * looks at another tab (or, in the Firefox tests, at the popup opened as a tab).
 */
export function breakForTheTab(signal: AbortSignal): () => Promise<void> {
  const channel = new MessageChannel();
  // A listener rather than `onmessage`: in a Firefox content script the port is the page's, and since Firefox ESR 153
  // a handler property set through its wrapper is never called.
  let wake = () => {};
  channel.port1.addEventListener('message', () => wake());
  channel.port1.start();
  return async () => {
    await new Promise<void>((resolve) => {
      wake = resolve;
      channel.port2.postMessage(null);
    });
    signal.throwIfAborted();
  };
}

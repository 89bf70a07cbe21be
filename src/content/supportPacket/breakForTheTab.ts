/**
 * A turn for the Mattermost tab between slices of packet work, so that the
 * page stays responsive; cancelling is noticed at each one.
 */
export function breakForTheTab(signal: AbortSignal): () => Promise<void> {
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal.throwIfAborted();
  };
}

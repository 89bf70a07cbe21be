// The requests the extension makes from a tab, told apart from the webapp's
// own (Mattermost's webapp makes many on every event) by their initiator: a
// call stack through one of the extension's scripts.
import type { Page } from '@playwright/test';

export interface ExtensionRequests {
  /** HTTP statuses of the answers to the extension's requests so far, in order. */
  statuses(): number[];
}

export async function followExtensionRequests(tab: Page): Promise<ExtensionRequests> {
  const devtools = await tab.context().newCDPSession(tab);
  await devtools.send('Network.enable');
  const ours = new Set<string>();
  const statuses: number[] = [];
  devtools.on('Network.requestWillBeSent', ({ requestId, initiator }) => {
    if (initiator.stack && stackRunsThroughExtension(initiator.stack)) ours.add(requestId);
  });
  devtools.on('Network.responseReceived', ({ requestId, response }) => {
    if (ours.has(requestId)) statuses.push(response.status);
  });
  return { statuses: () => [...statuses] };
}

/** The part of DevTools' initiator stack this needs: frames, and the stack that scheduled the async work. */
interface CallStack {
  readonly callFrames: ReadonlyArray<{ readonly url: string }>;
  readonly parent?: CallStack;
}

function stackRunsThroughExtension(stack: CallStack): boolean {
  return (
    stack.callFrames.some((frame) => frame.url.startsWith('chrome-extension://')) ||
    (stack.parent !== undefined && stackRunsThroughExtension(stack.parent))
  );
}

// The requests the extension makes from a tab, told apart from the webapp's
// own (Mattermost's webapp makes many on every event) by their initiator: the
// code that called fetch runs in one of the extension's scripts. Only the
// innermost stack that has frames counts: the webapp's socket is constructed
// through the extension's observer, so the webapp's own work can carry an
// extension frame further up its async chain.
import type { Page } from '@playwright/test';

export interface ExtensionRequest {
  readonly method: string;
  readonly url: string;
}

export interface ExtensionRequests {
  /** HTTP statuses of the answers to the extension's requests so far, in order. */
  statuses(): number[];
  /** The extension's requests sent so far, in order. */
  sent(): ExtensionRequest[];
}

/** A request as its route: ids (26 characters of [a-z0-9]) and the query left out, e.g. "POST /api/v4/posts". */
export function routeOf(request: ExtensionRequest): string {
  const path = new URL(request.url).pathname.replace(/\/[a-z0-9]{26}(?=\/|$)/g, '/{id}');
  return `${request.method} ${path}`;
}

export async function followExtensionRequests(tab: Page): Promise<ExtensionRequests> {
  const devtools = await tab.context().newCDPSession(tab);
  await devtools.send('Network.enable');
  const ours = new Set<string>();
  const statuses: number[] = [];
  const sent: ExtensionRequest[] = [];
  devtools.on('Network.requestWillBeSent', ({ requestId, initiator, request }) => {
    if (!initiator.stack || !stackRunsThroughExtension(initiator.stack)) return;
    ours.add(requestId);
    sent.push({ method: request.method, url: request.url });
  });
  devtools.on('Network.responseReceived', ({ requestId, response }) => {
    if (ours.has(requestId)) statuses.push(response.status);
  });
  return { statuses: () => [...statuses], sent: () => [...sent] };
}

/** The part of DevTools' initiator stack this needs: frames, and the stack that scheduled the async work. */
interface CallStack {
  readonly callFrames: ReadonlyArray<{ readonly url: string }>;
  readonly parent?: CallStack;
}

function stackRunsThroughExtension(stack: CallStack): boolean {
  if (stack.callFrames.length === 0) return stack.parent !== undefined && stackRunsThroughExtension(stack.parent);
  return stack.callFrames.some((frame) => frame.url.startsWith('chrome-extension://'));
}

// Where an auto-reply's time goes in the answering tab, from DevTools' network
// events: when the webapp's socket delivered the message, when the extension
// sent the reply's POST, and when the server answered it. All three stamps
// come from the same monotonic clock of the tab's network stack.
import type { Page } from '@playwright/test';

export interface ReplyTimeline {
  /** Socket frame with the message → the reply's request sent: the extension's work in the tab. */
  readonly inTabMs: number;
  /** The reply's request sent → its response received: the server creating the reply. */
  readonly replyRequestMs: number;
}

export interface TabTimelines {
  /** The timeline of the reply to the message, once the tab has seen both ends of it. */
  timelineOf(messageId: string): ReplyTimeline | undefined;
  stop(): Promise<void>;
}

/** The id of a post in a socket frame of a "posted" event, if it is one. */
function postedId(payload: string): string | undefined {
  if (!payload.includes('"event":"posted"')) return undefined;
  try {
    const frame = JSON.parse(payload) as { data?: { post?: string } };
    const post = JSON.parse(frame.data?.post ?? '{}') as { id?: string };
    return post.id;
  } catch {
    return undefined;
  }
}

/** The message a reply request answers, from the prop the extension puts on every auto-reply. */
function answeredId(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const post = JSON.parse(body) as { props?: Record<string, unknown> };
    const answered = post.props?.['companion_auto_reply_to'];
    return typeof answered === 'string' ? answered : undefined;
  } catch {
    return undefined;
  }
}

export async function followTabTimelines(tab: Page): Promise<TabTimelines> {
  const devtools = await tab.context().newCDPSession(tab);
  await devtools.send('Network.enable');
  const frameAt = new Map<string, number>();
  const requestAt = new Map<string, { answered: string; at: number }>();
  const timelines = new Map<string, ReplyTimeline>();
  devtools.on('Network.webSocketFrameReceived', ({ timestamp, response }) => {
    const id = postedId(response.payloadData);
    if (id && !frameAt.has(id)) frameAt.set(id, timestamp * 1000);
  });
  devtools.on('Network.requestWillBeSent', ({ requestId, request, timestamp }) => {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/api/v4/posts')) return;
    const answered = answeredId(request.postData);
    if (answered) requestAt.set(requestId, { answered, at: timestamp * 1000 });
  });
  devtools.on('Network.loadingFinished', ({ requestId, timestamp }) => {
    const sent = requestAt.get(requestId);
    const framed = sent && frameAt.get(sent.answered);
    if (!sent || framed === undefined) return;
    requestAt.delete(requestId);
    timelines.set(sent.answered, { inTabMs: sent.at - framed, replyRequestMs: timestamp * 1000 - sent.at });
  });
  return {
    timelineOf: (messageId) => timelines.get(messageId),
    stop: () => devtools.detach(),
  };
}

// Figure 1: how long after the sender's message is accepted the auto-reply
// reaches the sender, for Companion in a tab and for Mattermost's own
// responder, measured in turns on the same server in the same run.
import type { Post } from '@mattermost/types/posts';
import type { Page } from '@playwright/test';
import { isCompanionReply } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { isNativeAutoResponse, switchNativeResponderOn } from '../actors/nativeResponder.ts';
import { benchFirstNames, directChannels, newTeamMembers, retire, roomForNewMembers, type TeamMember } from '../actors/people.ts';
import { comparison, figure, type Figure } from '../report/figure.ts';
import { maximum, percentile } from '../report/stats.ts';
import { sleep } from '../support/concurrency.ts';
import { watchReplies } from './replyWatch.ts';
import { followTabTimelines, type ReplyTimeline, type TabTimelines } from './tabTimeline.ts';

export interface LatencyOptions {
  /** Measured messages per side. */
  readonly messages: number;
  readonly replyTimeoutMs: number;
}

const section = 'Reply latency';
/** Lets the extension finish what follows a reply (unread marker, activity) before the next message. */
const settleMs = 100;
/** Senders are created, used and retired this many at a time, to stay under the server's account limit. */
const sendersPerBatch = 50;

interface Side {
  readonly label: string;
  readonly recipientId: string;
  readonly isReply: (post: Post) => boolean;
  readonly latenciesMs: number[];
  /** Where the time went in the answering tab, for the side that answers from one. */
  readonly timelines?: ReplyTimeline[];
  missed: number;
}

/**
 * `companionUser` must have Companion answering in `companionTab` already. Each sender
 * writes once to that user and once to a user with the native responder on,
 * in alternating order, and waits for each reply before the next message;
 * the first sender only warms both up.
 */
export async function measureReplyLatency(companionUser: TeamMember, companionTab: Page, options: LatencyOptions): Promise<Figure[]> {
  const nativeUser = (await newTeamMembers(1, benchFirstNames.nativeUser))[0] as TeamMember;
  const restoreNative = await switchNativeResponderOn(nativeUser, 'I am away (Mattermost automatic reply).');
  const sides: [Side, Side] = [
    {
      label: 'Companion in a tab',
      recipientId: companionUser.user.id,
      isReply: (post) => isCompanionReply(post) && post.user_id === companionUser.user.id,
      latenciesMs: [],
      timelines: [],
      missed: 0,
    },
    { label: 'native auto-responder', recipientId: nativeUser.user.id, isReply: isNativeAutoResponse, latenciesMs: [], missed: 0 },
  ];
  const tabTimelines = await followTabTimelines(companionTab);
  try {
    const total = options.messages + 1;
    console.log(`  ${options.messages} messages to each side, from ${total} senders…`);
    for (let done = 0; done < total; ) {
      const batch = Math.min(sendersPerBatch, total - done, await roomForNewMembers());
      if (batch < 1) throw new Error('The server has no room for more accounts (at most 250 active without a license).');
      const senders = await newTeamMembers(batch, benchFirstNames.sender);
      try {
        const channels = [await directChannels(senders, sides[0].recipientId), await directChannels(senders, sides[1].recipientId)] as const;
        for (const [index, sender] of senders.entries()) {
          const turn = done + index;
          await measureOneSender(sender, turn, [
            { side: sides[0], channelId: channels[0][index] as string },
            { side: sides[1], channelId: channels[1][index] as string },
          ], tabTimelines, options);
        }
      } finally {
        await retire(senders);
      }
      done += batch;
    }
    return latencyFigures(sides, options);
  } finally {
    await tabTimelines.stop();
    await restoreNative();
    await retire([nativeUser]);
  }
}

async function measureOneSender(
  sender: TeamMember,
  turn: number,
  targets: { side: Side; channelId: string }[],
  tabTimelines: TabTimelines,
  options: LatencyOptions,
): Promise<void> {
  const watch = await watchReplies(server.url, sender.client.getToken());
  try {
    const order = turn % 2 === 0 ? targets : [...targets].reverse();
    for (const { side, channelId } of order) {
      const reply = watch.replyIn(channelId, side.isReply, options.replyTimeoutMs);
      const message = await sender.client.createPost({ channel_id: channelId, message: `Are you around? (${turn})` } as Post);
      const acceptedAt = performance.now();
      const arrivedAt = await reply;
      await sleep(settleMs);
      if (turn === 0) continue;
      if (arrivedAt === undefined) side.missed += 1;
      else side.latenciesMs.push(arrivedAt - acceptedAt);
      const timeline = side.timelines && tabTimelines.timelineOf(message.id);
      if (timeline) side.timelines?.push(timeline);
    }
  } finally {
    watch.close();
  }
}

function latencyFigures([ours, native]: [Side, Side], options: LatencyOptions): Figure[] {
  const stat = (side: Side, p: number | 'max') => (p === 'max' ? maximum(side.latenciesMs) : percentile(side.latenciesMs, p)) ?? null;
  const compared = (name: string, p: number | 'max') =>
    comparison(section, `${name} — ${ours.label}`, 'ms', stat(ours, p), { name: native.label, value: stat(native, p) });
  const note =
    `From the moment the sender's POST /api/v4/posts returned to the reply's arrival on the sender's WebSocket; ` +
    `${options.messages} messages per side, each in a new direct conversation, the sides taking turns; one more message per side warmed up first.`;
  return [
    { ...compared('p50', 50), note },
    compared('p95', 95),
    compared('max', 'max'),
    ...timelineFigures(ours.timelines ?? []),
    figure(section, `messages without a reply within ${options.replyTimeoutMs / 1000} s — ${ours.label}`, 'messages', ours.missed),
    figure(section, `messages without a reply within ${options.replyTimeoutMs / 1000} s — ${native.label}`, 'messages', native.missed),
  ];
}

/** Where Companion's time went, so the gap to the native responder can be read: the tab's share and the reply request's. */
function timelineFigures(timelines: readonly ReplyTimeline[]): Figure[] {
  const inTab = timelines.map((timeline) => timeline.inTabMs);
  const request = timelines.map((timeline) => timeline.replyRequestMs);
  const stat = (values: readonly number[], p: number) => percentile(values, p) ?? null;
  return [
    figure(
      section,
      'p50 — in the tab: the message on the webapp’s socket → the reply request sent',
      'ms',
      stat(inTab, 50),
      `DevTools network events of the answering tab (one monotonic clock), ${timelines.length} replies: ` +
        'the socket frame that carried the message, the reply’s POST /api/v4/posts sent, its response received. ' +
        'Neither part exists for the native responder, which creates its reply inside the server.',
    ),
    figure(section, 'p95 — in the tab: the message on the webapp’s socket → the reply request sent', 'ms', stat(inTab, 95)),
    figure(section, 'p50 — the reply request: sent → answered by the server', 'ms', stat(request, 50)),
    figure(section, 'p95 — the reply request: sent → answered by the server', 'ms', stat(request, 95)),
  ];
}

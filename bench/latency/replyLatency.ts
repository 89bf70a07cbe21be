// Figure 1: how long after the sender's message is accepted the auto-reply
// reaches the sender, for Companion in a tab and for Mattermost's own
// responder, measured in turns on the same server in the same run.
import type { Post } from '@mattermost/types/posts';
import { isCompanionReply } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { isNativeAutoResponse, switchNativeResponderOn } from '../actors/nativeResponder.ts';
import { directChannels, newTeamMembers, type TeamMember } from '../actors/people.ts';
import { comparison, figure, type Figure } from '../report/figure.ts';
import { maximum, percentile } from '../report/stats.ts';
import { sleep } from '../support/concurrency.ts';
import { watchReplies } from './replyWatch.ts';

export interface LatencyOptions {
  /** Measured messages per side. */
  readonly messages: number;
  readonly replyTimeoutMs: number;
}

const section = 'Reply latency';
/** Lets the extension finish what follows a reply (unread marker, activity) before the next message. */
const settleMs = 100;

interface Side {
  readonly label: string;
  readonly channels: string[];
  readonly isReply: (post: Post) => boolean;
  readonly latenciesMs: number[];
  missed: number;
}

/**
 * `companionUser` must have Companion answering in a tab already. Each sender
 * writes once to that user and once to a user with the native responder on,
 * in alternating order, and waits for each reply before the next message;
 * the first sender only warms both up.
 */
export async function measureReplyLatency(companionUser: TeamMember, options: LatencyOptions): Promise<Figure[]> {
  const nativeUser = (await newTeamMembers(1, 'Noor'))[0] as TeamMember;
  const restoreNative = await switchNativeResponderOn(nativeUser, 'I am away (Mattermost automatic reply).');
  try {
    console.log(`  creating ${options.messages + 1} senders…`);
    const senders = await newTeamMembers(options.messages + 1, 'Sender');
    const sides: [Side, Side] = [
      {
        label: 'Companion in a tab',
        channels: await directChannels(senders, companionUser.user.id),
        isReply: (post) => isCompanionReply(post) && post.user_id === companionUser.user.id,
        latenciesMs: [],
        missed: 0,
      },
      { label: 'native auto-responder', channels: await directChannels(senders, nativeUser.user.id), isReply: isNativeAutoResponse, latenciesMs: [], missed: 0 },
    ];

    console.log(`  sending ${options.messages} messages to each side…`);
    for (const [index, sender] of senders.entries()) {
      const watch = await watchReplies(server.url, sender.client.getToken());
      try {
        const order = index % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
        for (const side of order) {
          const channelId = side.channels[index] as string;
          const reply = watch.replyIn(channelId, side.isReply, options.replyTimeoutMs);
          await sender.client.createPost({ channel_id: channelId, message: `Are you around? (${index})` } as Post);
          const acceptedAt = performance.now();
          const arrivedAt = await reply;
          if (index === 0) continue;
          if (arrivedAt === undefined) side.missed += 1;
          else side.latenciesMs.push(arrivedAt - acceptedAt);
          await sleep(settleMs);
        }
      } finally {
        watch.close();
      }
    }
    return latencyFigures(sides, options);
  } finally {
    await restoreNative();
  }
}

function latencyFigures([ours, native]: [Side, Side], options: LatencyOptions): Figure[] {
  const stat = (side: Side, p: number | 'max') => (p === 'max' ? maximum(side.latenciesMs) : percentile(side.latenciesMs, p)) ?? null;
  const compared = (name: string, p: number | 'max') =>
    comparison(section, `${name} — ${ours.label}`, 'ms', stat(ours, p), { name: native.label, value: stat(native, p) });
  const note =
    `From the moment the sender's POST /api/v4/posts returned to the reply's arrival on the sender's WebSocket; ` +
    `${options.messages} messages per side, each in a new direct conversation, alternating sides.`;
  return [
    { ...compared('p50', 50), note },
    compared('p95', 95),
    compared('max', 'max'),
    figure(section, `messages without a reply within ${options.replyTimeoutMs / 1000} s — ${ours.label}`, 'messages', ours.missed),
    figure(section, `messages without a reply within ${options.replyTimeoutMs / 1000} s — ${native.label}`, 'messages', native.missed),
  ];
}

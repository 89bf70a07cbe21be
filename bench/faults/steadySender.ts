// Sends one message into each conversation at a steady pace, whatever the
// faults do to the server: a send that fails (the server restarting) is tried
// again with the same pending_post_id, so a post the server created although
// its answer was lost is not created twice.
import type { Post } from '@mattermost/types/posts';
import type { TeamMember } from '../actors/people.ts';
import { sleep } from '../support/concurrency.ts';

export interface Conversation {
  readonly sender: TeamMember;
  readonly channelId: string;
}

export interface SendAttempt {
  readonly channelId: string;
  /** When sending began, in milliseconds after the first message was due. */
  readonly sentAtMs: number;
  /** Undefined when the server never confirmed it within the give-up time. */
  readonly postId?: string;
}

const retryEveryMs = 1_000;
const giveUpAfterMs = 90_000;

async function sendOne(conversation: Conversation, message: string, pendingPostId: string): Promise<Post | undefined> {
  const deadline = performance.now() + giveUpAfterMs;
  for (;;) {
    try {
      return await conversation.sender.client.createPost({ channel_id: conversation.channelId, message, pending_post_id: pendingPostId });
    } catch {
      if (performance.now() > deadline) return undefined;
      await sleep(retryEveryMs);
    }
  }
}

/** Sends message i at startedAt + i·spanMs/n (performance.now() time), without waiting for earlier sends to finish. */
export function sendSteadily(conversations: readonly Conversation[], spanMs: number, startedAt: number, runId: string): Promise<SendAttempt[]> {
  const every = spanMs / conversations.length;
  return Promise.all(
    conversations.map(async (conversation, index) => {
      const wait = startedAt + index * every - performance.now();
      if (wait > 0) await sleep(wait);
      const sentAtMs = performance.now() - startedAt;
      const post = await sendOne(conversation, `Question ${index + 1}: could you have a look at the report?`, `${runId}-${index}`);
      return { channelId: conversation.channelId, sentAtMs, ...(post ? { postId: post.id } : {}) };
    }),
  );
}

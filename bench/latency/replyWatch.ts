// Waiting for the reply to one message on the sender's socket.
import type { Post } from '@mattermost/types/posts';
import { openSenderSocket, type SenderSocket } from '../actors/senderSocket.ts';

export interface ReplyWatch {
  /** Resolves with the arrival time of the first post in the channel that `isReply` accepts, or undefined after the timeout. */
  replyIn(channelId: string, isReply: (post: Post) => boolean, timeoutMs: number): Promise<number | undefined>;
  close(): void;
}

export async function watchReplies(serverUrl: string, token: string): Promise<ReplyWatch> {
  const waiting = new Map<string, { isReply: (post: Post) => boolean; resolve: (arrivedAt: number) => void }>();
  const socket: SenderSocket = await openSenderSocket(serverUrl, token, (post, arrivedAt) => {
    const waiter = waiting.get(post.channel_id);
    if (!waiter?.isReply(post)) return;
    waiting.delete(post.channel_id);
    waiter.resolve(arrivedAt);
  });
  return {
    replyIn(channelId, isReply, timeoutMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(channelId);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(channelId, {
          isReply,
          resolve: (arrivedAt) => {
            clearTimeout(timer);
            resolve(arrivedAt);
          },
        });
      });
    },
    close: () => socket.close(),
  };
}

import { autoReplyProp, type PostFacts } from './replyPolicy.ts';

/**
 * Two devices (or a tab held behind a rate limit past the server's 30 s
 * duplicate window) can both answer the same message. Every device keeps the
 * same one — the earliest by create_at, then by id — and removes its own
 * later ones, so the sender ends with exactly one reply.
 */
export function laterDuplicateReplies(posts: readonly PostFacts[], answeredPostId: string, myUserId: string): PostFacts[] {
  const replies = posts
    .filter((post) => post.userId === myUserId && post.props[autoReplyProp] === answeredPostId)
    .sort((a, b) => a.createAt - b.createAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return replies.slice(1);
}

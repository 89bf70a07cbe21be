import { BoundedSet } from '../boundedSet.ts';
import type { ChannelType, PostFacts } from './replyPolicy.ts';

// What a tab knows of its conversations from the webapp's socket, so that a
// message can be decided without reading the conversation's history again.
// The socket carries every post of the user's conversations: other people's,
// the user's own from any device, and auto-replies sent by another device.
// Knowledge is only claimed while the socket has been heard without a gap
// since the knowledge began; after a gap (a drop, a frozen tab, a new lead)
// everything is forgotten and the server's history decides again.
// Free of browser APIs, so it is unit-tested and measured in Node.

/** Conversations whose recent posts are kept; older ones keep only the time from which the socket covers them. */
export const conversationsWithPostsRemembered = 300;
/** Newest posts kept per conversation; one busier than this within the interval is read from the server for each message. */
export const postsRememberedPerConversation = 60;
/** Conversations tracked at all; past this everything is forgotten and learnt again, so a tab open for months stays small. */
export const conversationsTracked = 5_000;
/** Deleted posts remembered, so that a read begun before the deletion does not bring one back. */
const deletionsRemembered = 1_000;

export interface ListedChannel {
  readonly id: string;
  readonly type: ChannelType;
  /** The channel's newest post when the list was read. */
  readonly lastPostAt: number;
}

/** A read of the server begun while the socket was heard: its answer is learnt only if no gap came meanwhile. */
export type ReadToken = number & { readonly __brand: 'ReadToken' };

interface Conversation {
  /** Every post created at or after this time was heard or read. Infinity: nothing is known. */
  knownFrom: number;
  /** Posts created before this were let go to keep memory bounded: no read can make them known again. */
  forgottenBefore: number;
  /** In the channel list read in this epoch. */
  listed: boolean;
  /** Oldest first; those not forgotten. */
  posts: PostFacts[];
}

export class ConversationState {
  private epoch = 0;
  private listening = false;
  /** Set once the user's channel list was read in this epoch: a direct or group conversation missing from it is newer than the read. */
  private channelsListed = false;
  private readonly conversations = new Map<string, Conversation>();
  /** Ids of conversations holding posts, least recently touched first. */
  private readonly withPosts = new Set<string>();
  /** Deleted posts and thread roots (whose replies went with them). */
  private readonly deleted = new BoundedSet<string>(deletionsRemembered);

  constructor(
    private readonly conversationLimit = conversationsWithPostsRemembered,
    private readonly postLimit = postsRememberedPerConversation,
    private readonly trackedLimit = conversationsTracked,
  ) {}

  /**
   * Forgets everything: something may have been missed. `listening` says
   * whether the socket is heard from now on (false while it is down). Posts
   * that `carry` picks (the user's own: facts whatever was missed) are kept,
   * without any claim about what surrounds them, in case a read replica
   * that lags behind does not have them yet.
   */
  restart(listening: boolean, carry: (post: PostFacts) => boolean = () => false): void {
    const carried = [...this.conversations].flatMap(([channelId, conversation]) =>
      conversation.posts.filter(carry).map((post) => [channelId, post] as const),
    );
    this.epoch += 1;
    this.listening = listening;
    this.channelsListed = false;
    this.conversations.clear();
    this.withPosts.clear();
    if (listening) for (const [channelId, post] of carried) this.insert(channelId, post);
  }

  /** To be taken before a read of the server starts; undefined while nothing can be learnt. */
  readStarting(): ReadToken | undefined {
    return this.listening ? (this.epoch as ReadToken) : undefined;
  }

  /** The user's channels as the server listed them: each one's posts after its newest are all heard since. */
  learnChannelList(token: ReadToken | undefined, channels: readonly ListedChannel[]): void {
    if (!this.stillValid(token)) return;
    for (const channel of channels) {
      const conversation = this.conversation(channel.id);
      // Too many to track: everything was forgotten, this list with it.
      if (!this.stillValid(token)) return;
      conversation.knownFrom = Math.min(conversation.knownFrom, channel.lastPostAt + 1);
      conversation.listed = true;
    }
    this.channelsListed = true;
  }

  /** Every post of the conversation created at or after `from`, as read from the server. */
  learnHistory(token: ReadToken | undefined, channelId: string, from: number, posts: readonly PostFacts[]): void {
    if (!this.stillValid(token)) return;
    const conversation = this.conversation(channelId);
    if (!this.stillValid(token)) return;
    conversation.knownFrom = Math.min(conversation.knownFrom, from);
    // The read holds what was let go of before: it may be kept again (and let go of again past the limits).
    conversation.forgottenBefore = Math.min(conversation.forgottenBefore, from);
    for (const post of posts) if (post.createAt >= from) this.insert(channelId, post);
  }

  /** A post heard on the socket, or one this tab just created. */
  observe(channelId: string, post: PostFacts): void {
    if (!this.listening) return;
    this.insert(channelId, post);
  }

  /** A post that was deleted; a thread's root takes its replies with it. */
  forgetPost(channelId: string, postId: string): void {
    this.deleted.add(postId);
    const conversation = this.conversations.get(channelId);
    if (conversation) conversation.posts = conversation.posts.filter((post) => !this.isDeleted(post));
  }

  /** A post that was edited: the rules read its new text. */
  replacePost(channelId: string, post: PostFacts): void {
    const conversation = this.conversations.get(channelId);
    if (conversation) conversation.posts = conversation.posts.map((known) => (known.id === post.id ? post : known));
  }

  private isDeleted(post: PostFacts): boolean {
    return this.deleted.has(post.id) || (post.rootId !== '' && this.deleted.has(post.rootId));
  }

  /**
   * Every post of the conversation created at or after `from`, oldest first,
   * or undefined when the tab cannot be sure it has them all.
   */
  postsFrom(channelId: string, channelType: ChannelType, from: number): readonly PostFacts[] | undefined {
    if (!this.listening) return undefined;
    const conversation = this.conversations.get(channelId);
    const heardOrRead = conversation?.knownFrom ?? Infinity;
    const knownFrom = Math.max(
      conversation?.listed ? heardOrRead : Math.min(heardOrRead, this.knownFromWhenUnlisted(channelType)),
      conversation?.forgottenBefore ?? -Infinity,
    );
    if (knownFrom > from) return undefined;
    return (conversation?.posts ?? []).filter((post) => post.createAt >= from);
  }

  private knownFromWhenUnlisted(channelType: ChannelType): number {
    // Direct and group conversations cannot be joined later: one missing from the list was created after it, with every post heard.
    return this.channelsListed && (channelType === 'D' || channelType === 'G') ? 0 : Infinity;
  }

  private stillValid(token: ReadToken | undefined): boolean {
    return token !== undefined && this.listening && token === this.epoch;
  }

  private conversation(channelId: string): Conversation {
    let conversation = this.conversations.get(channelId);
    if (!conversation) {
      if (this.conversations.size >= this.trackedLimit) this.restart(this.listening);
      conversation = { knownFrom: Infinity, forgottenBefore: -Infinity, listed: false, posts: [] };
      this.conversations.set(channelId, conversation);
    }
    return conversation;
  }

  private insert(channelId: string, post: PostFacts): void {
    const conversation = this.conversation(channelId);
    if (post.createAt < conversation.forgottenBefore || this.isDeleted(post) || conversation.posts.some((known) => known.id === post.id)) return;
    const at = conversation.posts.findIndex((known) => known.createAt > post.createAt);
    conversation.posts.splice(at === -1 ? conversation.posts.length : at, 0, post);
    const dropped = conversation.posts.splice(0, Math.max(0, conversation.posts.length - this.postLimit));
    const newestDropped = dropped.at(-1);
    if (newestDropped) conversation.forgottenBefore = Math.max(conversation.forgottenBefore, newestDropped.createAt + 1);
    this.touch(channelId);
  }

  private touch(channelId: string): void {
    this.withPosts.delete(channelId);
    this.withPosts.add(channelId);
    while (this.withPosts.size > this.conversationLimit) {
      const oldest = this.withPosts.values().next().value as string;
      this.withPosts.delete(oldest);
      const conversation = this.conversations.get(oldest);
      if (!conversation) continue;
      const newest = conversation.posts.at(-1);
      if (newest) conversation.forgottenBefore = Math.max(conversation.forgottenBefore, newest.createAt + 1);
      conversation.posts = [];
    }
  }
}

import type { ChannelType, PostFacts } from '../shared/autoReply/replyPolicy.ts';
import type { MattermostApi } from './mattermostApi.ts';
import { postFactsFrom, type RawPost } from './socketMessage.ts';

/** The REST calls auto-reply makes, all GETs except the reply and the unread marker. */

export interface Me {
  readonly id: string;
  readonly username: string;
  /** Mattermost's own out-of-office responder is on. */
  readonly nativeResponderActive: boolean;
}

export interface ChannelSummary {
  readonly id: string;
  readonly type: ChannelType;
  readonly lastPostAt: number;
}

export async function fetchMe(api: MattermostApi): Promise<Me> {
  const me = await api.request<{ id: string; username: string; notify_props?: Record<string, string> }>(
    'GET',
    api.client.getUserRoute('me'),
  );
  return { id: me.id, username: me.username, nativeResponderActive: me.notify_props?.auto_responder_active === 'true' };
}

export async function fetchDisplayName(api: MattermostApi, userId: string): Promise<string> {
  const user = await api.request<{ username: string; first_name?: string; last_name?: string; nickname?: string }>(
    'GET',
    api.client.getUserRoute(userId),
  );
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return fullName || user.nickname || user.username;
}

/**
 * The channel's posts created at or after `since`, oldest first. The API's
 * `since` returns posts *updated* since then (edits and deletions too).
 */
export async function fetchPostsSince(api: MattermostApi, channelId: string, since: number): Promise<PostFacts[]> {
  const list = await api.request<{ posts: Record<string, RawPost> }>(
    'GET',
    `${api.client.getChannelRoute(channelId)}/posts?since=${since}`,
  );
  return Object.values(list.posts ?? {})
    .filter((raw) => !raw.delete_at)
    .map((raw) => postFactsFrom(raw))
    .filter((post): post is PostFacts & { channelId: string } => post !== undefined && post.createAt >= since)
    .sort((a, b) => a.createAt - b.createAt);
}

export async function fetchLastViewedAt(api: MattermostApi, channelId: string): Promise<number> {
  const member = await api.request<{ last_viewed_at: number }>('GET', `${api.client.getChannelRoute(channelId)}/members/me`);
  return member.last_viewed_at;
}

export async function fetchMyChannels(api: MattermostApi): Promise<ChannelSummary[]> {
  const channels = await api.request<Array<{ id: string; type: string; last_post_at: number }>>(
    'GET',
    `${api.client.getUserRoute('me')}/channels`,
  );
  return channels.map((channel) => ({ id: channel.id, type: channel.type as ChannelType, lastPostAt: channel.last_post_at }));
}

export interface ReplyToSend {
  readonly channelId: string;
  readonly rootId: string;
  readonly message: string;
  readonly props: Record<string, string>;
  /**
   * The same for every tab and device answering the same message, so the
   * server folds near-simultaneous duplicates into one post.
   */
  readonly pendingPostId: string;
}

export async function createReply(api: MattermostApi, reply: ReplyToSend): Promise<{ id: string; createAt: number }> {
  // set_online=false: replying must not mark the user online.
  const created = await api.request<{ id: string; create_at: number }>('POST', `${api.client.getPostsRoute()}?set_online=false`, {
    channel_id: reply.channelId,
    root_id: reply.rootId,
    message: reply.message,
    props: reply.props,
    pending_post_id: reply.pendingPostId,
  });
  return { id: created.id, createAt: created.create_at };
}

/** Puts the unread marker back on a message, as if the user had never seen it. */
export async function markUnreadFrom(api: MattermostApi, myUserId: string, postId: string): Promise<void> {
  await api.request('POST', `${api.client.getUserRoute(myUserId)}/posts/${postId}/set_unread`, {
    collapsed_threads_supported: true,
  });
}

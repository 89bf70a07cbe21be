import { collapsedThreadsPreference } from '../shared/autoReply/collapsedThreads.ts';
import type { MentionProfile } from '../shared/autoReply/mentions.ts';
import type { ChannelType, PostFacts } from '../shared/autoReply/replyPolicy.ts';
import { MattermostApiError, type MattermostApi } from './mattermostApi.ts';
import { postFactsFrom, type RawPost } from './socketMessage.ts';

/** The REST calls auto-reply makes: GETs, the batch name lookup, the reply, the unread markers and removing a twin reply. */

export interface Me {
  readonly id: string;
  readonly username: string;
  /** Mattermost's own out-of-office responder is on. */
  readonly nativeResponderActive: boolean;
  /** What counts as mentioning the user, from their notification settings. */
  readonly mentionProfile: MentionProfile;
}

export interface ChannelSummary {
  readonly id: string;
  readonly type: ChannelType;
  /** Empty for direct and group messages. */
  readonly teamId: string;
  readonly lastPostAt: number;
}

export async function fetchMe(api: MattermostApi): Promise<Me> {
  const me = await api.request<{ id: string; username: string; first_name?: string; notify_props?: Record<string, string> }>(
    'GET',
    api.client.getUserRoute('me'),
  );
  const notifyProps = me.notify_props ?? {};
  return {
    id: me.id,
    username: me.username,
    nativeResponderActive: notifyProps.auto_responder_active === 'true',
    mentionProfile: {
      username: me.username,
      firstName: me.first_name ?? '',
      mentionKeys: (notifyProps.mention_keys ?? '').split(',').map((key) => key.trim()).filter(Boolean),
      firstNameMentions: notifyProps.first_name === 'true',
      // As the server: only "true" lets @channel and @all reach the user.
      channelWideMentions: notifyProps.channel === 'true',
    },
  };
}

interface UserNames {
  id: string;
  username: string;
  first_name?: string;
  last_name?: string;
  nickname?: string;
}

/** The name a reply calls a person by: full name, else nickname, else username. */
function displayNameOf(user: UserNames): string {
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return fullName || user.nickname || user.username;
}

export async function fetchDisplayName(api: MattermostApi, userId: string): Promise<string> {
  return displayNameOf(await api.request<UserNames>('GET', api.client.getUserRoute(userId)));
}

/** Several people's names in one request; people the server does not return are left out. */
export async function fetchDisplayNames(api: MattermostApi, userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await api.request<UserNames[]>('POST', `${api.client.getBaseRoute()}/users/ids`, userIds);
  return new Map(users.map((user) => [user.id, displayNameOf(user)]));
}

/** The server's collapsed-threads setting, as the webapp reads it. */
export async function fetchCollapsedThreadsSetting(api: MattermostApi): Promise<string | undefined> {
  const config = await api.request<{ CollapsedThreads?: string }>('GET', `${api.client.getBaseRoute()}/config/client?format=old`);
  return config.CollapsedThreads;
}

/** The user's own collapsed-threads choice, undefined when they never made one. */
export async function fetchCollapsedThreadsChoice(api: MattermostApi): Promise<string | undefined> {
  const { category, name } = collapsedThreadsPreference;
  // All of the user's preferences: asked by category, an empty one is answered 404, which the browser logs in the tab's console.
  const preferences = await api.request<Array<{ category: string; name: string; value: string }>>('GET', `${api.client.getUserRoute('me')}/preferences`);
  return preferences.find((preference) => preference.category === category && preference.name === name)?.value;
}

const historyPageSize = 200;

/**
 * The channel's posts created at or after `from`, oldest first, complete:
 * read newest first a page at a time until a page reaches back past `from`.
 * (The API's `since` is no use here: strict, by update time, and cut at
 * 1,000 rows without order; `before` skips posts sharing its create_at.)
 * A post arriving meanwhile shifts the pages by one: seen twice, kept once.
 */
export async function fetchPostsFrom(api: MattermostApi, channelId: string, from: number, maxPages = Infinity): Promise<PostFacts[]> {
  const found = new Map<string, PostFacts>();
  for (let page = 0; page < maxPages; page += 1) {
    const list = await api.request<{ order?: string[]; posts?: Record<string, RawPost> }>(
      'GET',
      `${api.client.getChannelRoute(channelId)}/posts?page=${page}&per_page=${historyPageSize}`,
    );
    const rows = (list.order ?? []).map((id) => list.posts?.[id]).filter((raw): raw is RawPost => raw !== undefined);
    for (const raw of rows) {
      const post = raw.delete_at ? undefined : postFactsFrom(raw);
      if (post && post.createAt >= from) found.set(post.id, post);
    }
    const oldest = rows.at(-1);
    if (rows.length < historyPageSize || !oldest || Number(oldest.create_at) < from) break;
  }
  return [...found.values()].sort((a, b) => a.createAt - b.createAt);
}

export async function fetchLastViewedAt(api: MattermostApi, channelId: string): Promise<number> {
  const member = await api.request<{ last_viewed_at: number }>('GET', `${api.client.getChannelRoute(channelId)}/members/me`);
  return member.last_viewed_at;
}

export async function fetchMyChannels(api: MattermostApi): Promise<ChannelSummary[]> {
  const channels = await api.request<Array<{ id: string; type: string; team_id?: string; last_post_at: number }>>(
    'GET',
    `${api.client.getUserRoute('me')}/channels`,
  );
  return channels.map((channel) => ({ id: channel.id, type: channel.type as ChannelType, teamId: channel.team_id ?? '', lastPostAt: channel.last_post_at }));
}

export async function fetchMyFirstTeamId(api: MattermostApi): Promise<string> {
  const teams = await api.request<Array<{ id: string }>>('GET', `${api.client.getUserRoute('me')}/teams`);
  return teams[0]?.id ?? '';
}

/** The user's membership of a thread (collapsed threads), or undefined when they do not follow it. */
export async function fetchThreadLastViewedAt(api: MattermostApi, myUserId: string, teamId: string, threadId: string): Promise<number | undefined> {
  try {
    const thread = await api.request<{ last_viewed_at: number }>('GET', `${api.client.getUserRoute(myUserId)}/teams/${teamId}/threads/${threadId}`);
    return thread.last_viewed_at;
  } catch (error) {
    if (error instanceof MattermostApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** The thread's unread marker on a post, with the thread's mention count worked out again by the server. */
export async function markThreadUnreadFrom(api: MattermostApi, myUserId: string, teamId: string, threadId: string, postId: string): Promise<void> {
  await api.request('POST', `${api.client.getUserRoute(myUserId)}/teams/${teamId}/threads/${threadId}/set_unread/${postId}`);
}

/** Every post of a thread, the root included, oldest first. */
export async function fetchThread(api: MattermostApi, rootId: string): Promise<PostFacts[]> {
  const list = await api.request<{ posts?: Record<string, RawPost> }>('GET', `${api.client.getPostRoute(rootId)}/thread`);
  return Object.values(list.posts ?? {})
    .filter((raw) => !raw.delete_at)
    .map((raw) => postFactsFrom(raw))
    .filter((post): post is PostFacts & { channelId: string } => post !== undefined)
    .sort((a, b) => a.createAt - b.createAt);
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

/**
 * Puts the channel's unread marker back on a message, as if the user had
 * never seen it, with the mention count worked out again (collapsed threads
 * off; a thread's marker has its own route, `markThreadUnreadFrom`).
 */
export async function markUnreadFrom(api: MattermostApi, myUserId: string, postId: string): Promise<void> {
  await api.request('POST', `${api.client.getUserRoute(myUserId)}/posts/${postId}/set_unread`, {
    collapsed_threads_supported: false,
  });
}

/** One post, to tell a message that is not there from one a read replica has not caught up with. 404 when deleted or never posted. */
export async function fetchPost(api: MattermostApi, postId: string): Promise<void> {
  await api.request('GET', api.client.getPostRoute(postId));
}

export async function deletePost(api: MattermostApi, postId: string): Promise<void> {
  await api.request('DELETE', api.client.getPostRoute(postId));
}

import type { ChannelType, PostFacts } from '../shared/autoReply/replyPolicy.ts';

/** The webapp WebSocket events auto-reply acts on, parsed from the raw frames. */
export type SocketMessage =
  | { readonly event: 'hello'; readonly connectionId: string }
  | { readonly event: 'posted'; readonly posted: PostedEvent }
  | { readonly event: 'user_updated'; readonly userId: string }
  | { readonly event: 'post_deleted'; readonly channelId: string; readonly postId: string }
  | { readonly event: 'post_edited'; readonly post: PostFacts & { readonly channelId: string } }
  /** The user's preferences changed or were deleted (`value` undefined) on some device. */
  | { readonly event: 'preferences_changed'; readonly preferences: readonly PreferenceChange[] }
  | { readonly event: 'config_changed' }
  /** A direct conversation was opened with the user: the two people in it. */
  | { readonly event: 'direct_added'; readonly userIds: readonly string[] }
  /** Someone reacted to a post of a channel the user belongs to. */
  | { readonly event: 'reaction_added'; readonly reaction: ReactionEvent }
  | { readonly event: 'other' };

export interface ReactionEvent {
  readonly userId: string;
  readonly postId: string;
  readonly channelId: string;
  readonly emojiName: string;
}

export interface PreferenceChange {
  readonly category: string;
  readonly name: string;
  readonly value: string | undefined;
}

export interface PostedEvent {
  readonly post: PostFacts;
  readonly channelId: string;
  readonly channelType: ChannelType;
  /** Empty for direct and group messages. */
  readonly teamId: string;
  readonly senderName: string;
}

export interface RawPost {
  id?: unknown;
  user_id?: unknown;
  channel_id?: unknown;
  root_id?: unknown;
  type?: unknown;
  message?: unknown;
  create_at?: unknown;
  delete_at?: unknown;
  props?: unknown;
}

const channelTypes = new Set<string>(['D', 'G', 'O', 'P']);
const asString = (value: unknown) => (typeof value === 'string' ? value : '');

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A post as the REST API and the `posted` event both shape it. */
export function postFactsFrom(raw: RawPost): (PostFacts & { channelId: string }) | undefined {
  if (typeof raw.id !== 'string' || typeof raw.user_id !== 'string' || typeof raw.channel_id !== 'string') return undefined;
  return {
    id: raw.id,
    userId: raw.user_id,
    channelId: raw.channel_id,
    rootId: asString(raw.root_id),
    type: asString(raw.type),
    message: asString(raw.message),
    createAt: typeof raw.create_at === 'number' ? raw.create_at : 0,
    props: typeof raw.props === 'object' && raw.props !== null ? (raw.props as Record<string, unknown>) : {},
  };
}

interface RawFrame {
  event?: unknown;
  seq?: unknown;
  data?: Record<string, unknown>;
  broadcast?: { channel_id?: unknown };
}

/** An event frame and its sequence number (absent on the replies to the webapp's own requests). */
export function parseSocketFrame(frame: string): { message: SocketMessage; seq: number | undefined } {
  const raw = parseJson(frame) as RawFrame | undefined;
  return { message: parseEvent(raw), seq: raw?.event !== undefined && typeof raw.seq === 'number' ? raw.seq : undefined };
}

function parseEvent(message: RawFrame | undefined): SocketMessage {
  const data = message?.data ?? {};
  switch (message?.event) {
    case 'hello':
      return { event: 'hello', connectionId: asString(data.connection_id) };
    case 'user_updated': {
      const user = data.user as { id?: unknown } | undefined;
      return { event: 'user_updated', userId: asString(user?.id) };
    }
    case 'post_deleted': {
      const post = postFactsFrom((parseJson(data.post) ?? {}) as RawPost);
      return post ? { event: 'post_deleted', channelId: post.channelId, postId: post.id } : { event: 'other' };
    }
    case 'post_edited': {
      const post = postFactsFrom((parseJson(data.post) ?? {}) as RawPost);
      return post ? { event: 'post_edited', post } : { event: 'other' };
    }
    case 'preferences_changed':
    case 'preferences_deleted': {
      const list = parseJson(data.preferences);
      if (!Array.isArray(list)) return { event: 'other' };
      const deleted = message.event === 'preferences_deleted';
      const preferences = list.map((entry: Record<string, unknown>) => ({
        category: asString(entry.category),
        name: asString(entry.name),
        value: deleted ? undefined : asString(entry.value),
      }));
      return { event: 'preferences_changed', preferences };
    }
    case 'config_changed':
      return { event: 'config_changed' };
    case 'direct_added':
      return { event: 'direct_added', userIds: [asString(data.creator_id), asString(data.teammate_id)].filter(Boolean) };
    case 'posted': {
      // `data.post` is JSON inside the JSON. (`data.mentions` is not used: a mention is read from the text, alike live and at catch-up.)
      const post = postFactsFrom((parseJson(data.post) ?? {}) as RawPost);
      const channelType = asString(data.channel_type);
      if (!post || !channelTypes.has(channelType)) return { event: 'other' };
      return {
        event: 'posted',
        posted: {
          post,
          channelId: post.channelId,
          channelType: channelType as ChannelType,
          teamId: asString(data.team_id),
          senderName: asString(data.sender_name).replace(/^@/, ''),
        },
      };
    }
    case 'reaction_added': {
      const reaction = (parseJson(data.reaction) ?? {}) as { user_id?: unknown; post_id?: unknown; emoji_name?: unknown; channel_id?: unknown };
      const userId = asString(reaction.user_id);
      const postId = asString(reaction.post_id);
      const emojiName = asString(reaction.emoji_name);
      const channelId = asString(reaction.channel_id) || asString(message.broadcast?.channel_id);
      return userId && postId && emojiName && channelId ? { event: 'reaction_added', reaction: { userId, postId, channelId, emojiName } } : { event: 'other' };
    }
    default:
      return { event: 'other' };
  }
}

/**
 * A support channel's posts as the desk reads them: from `GET
 * /api/v4/channels/{id}/posts` (reactions come in the post's metadata) or from
 * the socket. Everything the desk posts carries `deskProp`, naming what it is,
 * so no Companion ever treats it as a question or a team member's answer.
 */

export const deskProp = 'companion_desk';
/** On a welcome sent as a direct message: the support channel it welcomes to. */
export const deskWelcomeChannelProp = 'companion_desk_channel';
/** On a reminder: its number among the question's reminders, so twins from two devices are known as such. */
export const deskReminderProp = 'companion_desk_reminder';

export type DeskPostKind = 'answer' | 'reminder' | 'welcome' | 'report';

export interface DeskReaction {
  readonly userId: string;
  readonly emojiName: string;
  readonly createAt: number;
}

export interface DeskPost {
  readonly id: string;
  readonly userId: string;
  /** '' for a root post. */
  readonly rootId: string;
  readonly createAt: number;
  readonly message: string;
  /** '' for what a person wrote; system messages (joins, header changes) have a type. */
  readonly type: string;
  /** Posted by a bot or an integration (props.from_bot / from_webhook). */
  readonly automated: boolean;
  /** What the desk posted this as, when it did. */
  readonly deskKind: DeskPostKind | undefined;
  /** For a reminder: which of the question's reminders it is (1, 2, …). */
  readonly reminderNumber?: number;
  /** For a weekly report: the key of the week it covers. */
  readonly reportWeek?: string;
  /** For the system message of someone joining the channel, or being added to it: who. */
  readonly joinedUserId?: string;
  readonly reactions: readonly DeskReaction[];
}

const deskKinds: ReadonlySet<string> = new Set<DeskPostKind>(['answer', 'reminder', 'welcome', 'report']);

interface ServerReaction {
  readonly user_id?: unknown;
  readonly emoji_name?: unknown;
  readonly create_at?: unknown;
}

interface ServerPost {
  readonly id: string;
  readonly user_id: string;
  readonly root_id?: string;
  readonly create_at: number;
  readonly message?: string;
  readonly type?: string;
  readonly props?: Record<string, unknown> | null;
  readonly metadata?: { readonly reactions?: readonly ServerReaction[] | null } | null;
}

function joinedUserOf(type: string, userId: string, props: Record<string, unknown>): { joinedUserId?: string } {
  if (type === 'system_join_channel') return { joinedUserId: userId };
  if (type === 'system_add_to_channel' && typeof props.addedUserId === 'string') return { joinedUserId: props.addedUserId };
  return {};
}

/** A post as the server sends it, reduced to what the desk decides from. */
export function deskPostOf(post: ServerPost): DeskPost {
  const props = post.props ?? {};
  const kind = props[deskProp];
  return {
    id: post.id,
    userId: post.user_id,
    rootId: post.root_id ?? '',
    createAt: post.create_at,
    message: post.message ?? '',
    type: post.type ?? '',
    // An auto-reply (Companion's, or the server's own responder) is no one at the keyboard.
    automated: props.from_bot === 'true' || props.from_webhook === 'true' || props.companion_auto_reply_to !== undefined || post.type === 'system_auto_responder',
    deskKind: typeof kind === 'string' && deskKinds.has(kind) ? (kind as DeskPostKind) : undefined,
    ...joinedUserOf(post.type ?? '', post.user_id, props),
    ...(typeof props.companion_desk_week === 'string' ? { reportWeek: props.companion_desk_week } : {}),
    ...(typeof props[deskReminderProp] === 'string' && /^\d{1,2}$/.test(props[deskReminderProp]) ? { reminderNumber: Number(props[deskReminderProp]) } : {}),
    reactions: (post.metadata?.reactions ?? []).flatMap((reaction) =>
      typeof reaction.user_id === 'string' && typeof reaction.emoji_name === 'string' && typeof reaction.create_at === 'number'
        ? [{ userId: reaction.user_id, emojiName: reaction.emoji_name, createAt: reaction.create_at }]
        : [],
    ),
  };
}

/** A post heard on the socket (no reactions yet: it was just created), reduced like one read over REST. */
export function deskPostOfFacts(post: {
  readonly id: string;
  readonly userId: string;
  readonly rootId: string;
  readonly createAt: number;
  readonly message: string;
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
}): DeskPost {
  return deskPostOf({ id: post.id, user_id: post.userId, root_id: post.rootId, create_at: post.createAt, message: post.message, type: post.type, props: { ...post.props } });
}

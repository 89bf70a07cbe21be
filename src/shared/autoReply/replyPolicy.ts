import { deskProp } from '../desk/deskPosts.ts';
import { absenceEnd, isAutoReplyActive } from './schedule.ts';
import type { AutoReplySettings } from './settings.ts';
import { consistsOfPauseKeywords, containsKeyword, matchesPattern } from './textMatch.ts';

/** The prop that marks a post as one of our auto-replies; its value is the id of the post it answers. */
export const autoReplyProp = 'companion_auto_reply_to';

export type ChannelType = 'D' | 'G' | 'O' | 'P';

/** A post as the policy needs it, from the WebSocket or from the channel's history. */
export interface PostFacts {
  readonly id: string;
  readonly userId: string;
  readonly rootId: string;
  readonly type: string;
  readonly message: string;
  readonly createAt: number;
  readonly props: Readonly<Record<string, unknown>>;
}

export interface ReplyQuestion {
  readonly post: PostFacts;
  readonly channelType: ChannelType;
  readonly mentionsMe: boolean;
  readonly senderName: string;
  readonly myUserId: string;
  /** Mattermost's own auto-responder is on for the user: it answers, we don't. */
  readonly nativeResponderActive: boolean;
  readonly settings: AutoReplySettings;
  /** The conversation's posts, as heard on the socket or read from the server, covering at least the longest interval before now. */
  readonly history: readonly PostFacts[];
  readonly now: number;
  /** When the tab first saw the message: its age for "too old" counts up to here, not up to a retry. Now when absent. */
  readonly seenAt?: number;
  readonly formatTime: (epochMs: number) => string;
}

export type SkipReason =
  | 'auto-reply-off'
  | 'outside-schedule'
  | 'native-responder-active'
  | 'own-post'
  | 'system-message'
  | 'bot'
  | 'webhook'
  | 'auto-reply'
  | 'conversation-not-chosen'
  | 'not-mentioned'
  | 'too-old'
  | 'already-answered'
  | 'user-active'
  | 'recently-replied'
  | 'paused';

export type ReplyDecision =
  | { readonly reply: true; readonly message: string; readonly rootId: string }
  | { readonly reply: false; readonly reason: SkipReason };

const minute = 60_000;
const skip = (reason: SkipReason): ReplyDecision => ({ reply: false, reason });

/** Posted automatically: an auto-reply (Companion's or the server's) or anything the support desk posts. Never a message to answer, nor the user at the keyboard. */
export function isAutoReply(post: Pick<PostFacts, 'props' | 'type'>): boolean {
  return post.props[autoReplyProp] !== undefined || post.props[deskProp] !== undefined || post.type === 'system_auto_responder';
}

/** Whether a new post deserves an auto-reply, and what it says: the product's rules in one place. */
export function decideReply(question: ReplyQuestion): ReplyDecision {
  const { post, settings, now } = question;

  if (!settings.enabled) return skip('auto-reply-off');
  // A message kept for a retry is judged by the schedule of when it came, not of when the server answered again.
  if (!isAutoReplyActive(settings, question.seenAt ?? now)) return skip('outside-schedule');
  if (question.nativeResponderActive) return skip('native-responder-active');
  if (post.userId === question.myUserId) return skip('own-post');
  if (post.type.startsWith('system_')) return skip('system-message');
  if (post.props.from_bot === 'true' || post.props.from_bot === true) return skip('bot');
  if (post.props.from_webhook === 'true' || post.props.from_webhook === true) return skip('webhook');
  if (isAutoReply(post)) return skip('auto-reply');

  const conversationSkip = skipForConversation(question);
  if (conversationSkip) return skip(conversationSkip);
  if ((question.seenAt ?? now) - post.createAt > settings.catchUpMinutes * minute) return skip('too-old');

  const historySkip = skipForHistory(question);
  if (historySkip) return skip(historySkip);

  return { reply: true, message: composeReply(question), rootId: post.rootId || post.id };
}

function skipForConversation({ channelType, mentionsMe, settings }: ReplyQuestion): SkipReason | undefined {
  switch (channelType) {
    case 'D':
      return settings.replyTo.directMessages ? undefined : 'conversation-not-chosen';
    case 'G':
      return settings.replyTo.groupMessages ? undefined : 'conversation-not-chosen';
    case 'O':
    case 'P':
      if (!settings.replyTo.channelMentions) return 'conversation-not-chosen';
      return mentionsMe ? undefined : 'not-mentioned';
  }
}

/**
 * Decided from the conversation's posts (the same on the server and on every
 * socket), so the answer is the same in every tab, on every device and after
 * a restart.
 */
function skipForHistory({ post, history, myUserId, settings, now }: ReplyQuestion): SkipReason | undefined {
  const mine = history.filter((entry) => entry.userId === myUserId);
  if (mine.some((entry) => entry.props[autoReplyProp] === post.id)) return 'already-answered';
  // The user wrote after the message (however long ago that was): they answered it themselves.
  if (mine.some((entry) => !isAutoReply(entry) && entry.createAt > post.createAt)) return 'already-answered';

  const interval = settings.minutesBetweenReplies * minute;
  if (mine.some((entry) => !isAutoReply(entry) && now - entry.createAt < interval)) return 'user-active';

  // The support desk's posts are automatic, but no auto-reply: they neither count as the user nor hold the next reply back.
  const lastAutoReply = Math.max(-Infinity, ...mine.filter((entry) => isAutoReply(entry) && entry.props[deskProp] === undefined).map((entry) => entry.createAt));
  if (now - lastAutoReply < interval) return 'recently-replied';

  const saidSinceLastReply = [post, ...history.filter((entry) => entry.userId === post.userId && entry.createAt > lastAutoReply)];
  const closingRemark = saidSinceLastReply.some((entry) => consistsOfPauseKeywords(entry.message, settings.pauseKeywords));
  if (closingRemark && now - lastAutoReply < settings.minutesAfterPause * minute) return 'paused';
  return undefined;
}

function composeReply({ post, settings, senderName, now, formatTime }: ReplyQuestion): string {
  const rule = settings.rules.find((candidate) =>
    candidate.kind === 'keyword' ? containsKeyword(post.message, candidate.match) : matchesPattern(post.message, candidate.match),
  );
  const end = absenceEnd(settings.schedule, now);
  return fillTemplate(rule?.reply ?? settings.message, { sender: senderName, until: end === undefined ? '' : formatTime(end) });
}

export const templatePlaceholders = ['sender', 'until'] as const;

/** Replaces `{sender}` and `{until}`; any other braces are left as written. */
export function fillTemplate(template: string, values: Record<(typeof templatePlaceholders)[number], string>): string {
  return template.replace(/\{(sender|until)\}/g, (_, name: keyof typeof values) => values[name]);
}

import { deskTeamIds } from './deskAnswers.ts';
import { deskProp, deskWelcomeChannelProp, type DeskPost } from './deskPosts.ts';
import type { DeskSettings } from './deskSettings.ts';

/**
 * Welcome messages: someone who joins a support channel (or is added to it)
 * is welcomed once, unless they are on the team or run the desk.
 */

export type WelcomeDecision = { readonly kind: 'welcome'; readonly userId: string } | { readonly kind: 'leave' };

export function decideWelcome(post: DeskPost, channelId: string, settings: DeskSettings, runnerId: string): WelcomeDecision {
  const userId = post.joinedUserId;
  if (!settings.welcome.enabled || settings.welcome.message.trim() === '' || !settings.channelIds.includes(channelId) || !userId) return { kind: 'leave' };
  if (deskTeamIds(settings, runnerId).has(userId)) return { kind: 'leave' };
  return { kind: 'welcome', userId };
}

/** The key under which a welcome is remembered: one per person and channel. */
export function welcomeKey(channelId: string, userId: string): string {
  return `${channelId}:${userId}`;
}

/** Whether a direct conversation already holds the desk's welcome to this channel (sent by another tab or device). */
export function alreadyWelcomed(directPosts: ReadonlyArray<{ readonly props?: Record<string, unknown> | null }>, channelId: string): boolean {
  return directPosts.some((post) => post.props?.[deskProp] === 'welcome' && post.props[deskWelcomeChannelProp] === channelId);
}

export function welcomeProps(channelId: string): Record<string, string> {
  return { [deskProp]: 'welcome', [deskWelcomeChannelProp]: channelId };
}

import { describe, expect, it } from 'vitest';
import { autoReplyProp, decideReply, fillTemplate, type PostFacts, type ReplyQuestion } from './replyPolicy.ts';
import { defaultAutoReplySettings, type AutoReplySettings } from './settings.ts';

const minute = 60_000;
const now = Date.UTC(2026, 10, 23, 12, 0);
const me = 'user-me';
const sender = 'user-bob';

function post(overrides: Partial<PostFacts> = {}): PostFacts {
  return { id: 'post-1', userId: sender, rootId: '', type: '', message: 'Are you there?', createAt: now, props: {}, ...overrides };
}

function ask(overrides: Partial<Omit<ReplyQuestion, 'settings'>> & { settings?: Partial<AutoReplySettings> } = {}): ReturnType<typeof decideReply> {
  const { settings, ...rest } = overrides;
  return decideReply({
    post: post(),
    channelType: 'D',
    mentionsMe: false,
    senderName: 'Bob Baker',
    myUserId: me,
    nativeResponderActive: false,
    history: [],
    now,
    formatTime: (at) => new Date(at).toISOString(),
    ...rest,
    settings: { ...defaultAutoReplySettings, enabled: true, ...settings },
  });
}

const myAutoReply = (minutesAgo: number, answering = 'older-post'): PostFacts =>
  post({ id: `reply-${minutesAgo}`, userId: me, createAt: now - minutesAgo * minute, props: { [autoReplyProp]: answering } });
const myOwnMessage = (minutesAgo: number): PostFacts =>
  post({ id: `mine-${minutesAgo}`, userId: me, message: 'hi', createAt: now - minutesAgo * minute });
const senderMessage = (minutesAgo: number, message: string): PostFacts =>
  post({ id: `theirs-${minutesAgo}`, message, createAt: now - minutesAgo * minute });

describe('reply policy: what gets a reply', () => {
  it('replies to a direct message in the thread of that message', () => {
    expect(ask()).toEqual({ reply: true, message: "Hi Bob Baker, I'm away at the moment and will answer when I'm back.", rootId: 'post-1' });
  });

  it('replies inside the existing thread when the message was a thread reply', () => {
    expect(ask({ post: post({ rootId: 'root-9' }) })).toMatchObject({ reply: true, rootId: 'root-9' });
  });

  it('does nothing while auto-reply is switched off', () => {
    expect(ask({ settings: { enabled: false } })).toEqual({ reply: false, reason: 'auto-reply-off' });
  });

  it('does nothing outside its schedule', () => {
    expect(ask({ settings: { schedule: { kind: 'until', until: now - 1 } } })).toEqual({ reply: false, reason: 'outside-schedule' });
  });

  it('leaves the answer to Mattermost when its own auto-responder is on', () => {
    expect(ask({ nativeResponderActive: true })).toEqual({ reply: false, reason: 'native-responder-active' });
  });

  it.each([
    ['the user’s own posts', post({ userId: me }), 'own-post'],
    ['system messages', post({ type: 'system_join_channel' }), 'system-message'],
    ['the native auto-responder', post({ type: 'system_auto_responder' }), 'system-message'],
    ['bots', post({ props: { from_bot: 'true' } }), 'bot'],
    ['webhooks', post({ props: { from_webhook: 'true' } }), 'webhook'],
    ['auto-replies from another Companion', post({ props: { [autoReplyProp]: 'x' } }), 'auto-reply'],
  ] as const)('never answers %s', (_, incoming, reason) => {
    expect(ask({ post: incoming })).toEqual({ reply: false, reason });
  });

  it('answers group messages only when the user chose to', () => {
    expect(ask({ channelType: 'G' })).toEqual({ reply: false, reason: 'conversation-not-chosen' });
    expect(ask({ channelType: 'G', settings: { replyTo: { directMessages: true, groupMessages: true, channelMentions: false, channelWideMentions: false } } })).toMatchObject({ reply: true });
  });

  it('answers in channels only mentions, and only when the user chose to', () => {
    const mentionsOn = { replyTo: { directMessages: true, groupMessages: false, channelMentions: true, channelWideMentions: false } };
    expect(ask({ channelType: 'O', mentionsMe: true })).toEqual({ reply: false, reason: 'conversation-not-chosen' });
    expect(ask({ channelType: 'O', mentionsMe: false, settings: mentionsOn })).toEqual({ reply: false, reason: 'not-mentioned' });
    expect(ask({ channelType: 'P', mentionsMe: true, settings: mentionsOn })).toMatchObject({ reply: true });
  });

  it('judges a message kept for a retry by when it came: its age and the schedule', () => {
    const seenAt = now - 20 * minute;
    const retriedAt = now;
    expect(ask({ post: post({ createAt: seenAt - minute }), seenAt, now: retriedAt })).toMatchObject({ reply: true });
    expect(ask({ post: post({ createAt: seenAt - minute }), seenAt, now: retriedAt, settings: { schedule: { kind: 'until', until: seenAt + minute } } })).toMatchObject({
      reply: true,
    });
    expect(ask({ post: post({ createAt: seenAt - minute }), now: retriedAt, settings: { schedule: { kind: 'until', until: seenAt + minute } } })).toEqual({
      reply: false,
      reason: 'outside-schedule',
    });
  });

  it('does not answer a message older than the catch-up window', () => {
    expect(ask({ post: post({ createAt: now - 16 * minute }) })).toEqual({ reply: false, reason: 'too-old' });
    expect(ask({ post: post({ createAt: now - 14 * minute }) })).toMatchObject({ reply: true });
  });
});

describe('reply policy: throttle from the server’s history', () => {
  it('answers a message only once, whoever answered it', () => {
    expect(ask({ history: [myAutoReply(500, 'post-1')] })).toEqual({ reply: false, reason: 'already-answered' });
  });

  it('does not answer a message the user wrote after, however long ago', () => {
    const old = post({ createAt: now - 300 * minute });
    expect(ask({ post: old, seenAt: now - 299 * minute, history: [old, myOwnMessage(200)] })).toEqual({ reply: false, reason: 'already-answered' });
  });

  it('does not reply while the user answered within the interval', () => {
    expect(ask({ history: [myOwnMessage(59)] })).toEqual({ reply: false, reason: 'user-active' });
    expect(ask({ history: [myOwnMessage(61)] })).toMatchObject({ reply: true });
  });

  it('replies at most once per interval per conversation', () => {
    expect(ask({ history: [myAutoReply(30)] })).toEqual({ reply: false, reason: 'recently-replied' });
    expect(ask({ history: [myAutoReply(61)] })).toMatchObject({ reply: true });
  });

  it('uses the configured interval', () => {
    expect(ask({ settings: { minutesBetweenReplies: 10 }, history: [myAutoReply(11)] })).toMatchObject({ reply: true });
  });

  it('waits the longer pause interval after a closing remark', () => {
    const history = [myAutoReply(90), senderMessage(80, 'ok thanks!')];
    expect(ask({ history })).toEqual({ reply: false, reason: 'paused' });
    expect(ask({ history, settings: { minutesAfterPause: 85 } })).toMatchObject({ reply: true });
  });

  it('treats a closing remark that is itself the new message the same way', () => {
    expect(ask({ post: post({ message: '收到' }), history: [myAutoReply(90)] })).toEqual({ reply: false, reason: 'paused' });
  });

  it('does not pause for a real question that happens to contain a pause word', () => {
    expect(ask({ post: post({ message: 'ok, but where is the report?' }), history: [myAutoReply(90)] })).toMatchObject({ reply: true });
  });

  it('answers a first closing remark normally: there is nothing to pause after', () => {
    expect(ask({ post: post({ message: 'thanks' }) })).toMatchObject({ reply: true });
  });
});

describe('reply policy: what the reply says', () => {
  const rules = [
    { kind: 'keyword' as const, match: 'invoice', reply: 'Invoices: see the billing page, {sender}.' },
    { kind: 'pattern' as const, match: 'password|log ?in', reply: 'Reset it at the login page.' },
  ];

  it('uses the first matching content rule', () => {
    expect(ask({ post: post({ message: 'Where is my INVOICE?' }), settings: { rules } })).toMatchObject({
      message: 'Invoices: see the billing page, Bob Baker.',
    });
    expect(ask({ post: post({ message: 'I cannot login' }), settings: { rules } })).toMatchObject({ message: 'Reset it at the login page.' });
  });

  it('matches keywords as whole words', () => {
    expect(ask({ post: post({ message: 'invoices2023 folder' }), settings: { rules } })).toMatchObject({
      message: expect.stringContaining("I'm away"),
    });
  });

  it('falls back to the default message', () => {
    expect(ask({ post: post({ message: 'lunch?' }), settings: { rules } })).toMatchObject({ message: expect.stringContaining("I'm away") });
  });

  it('says until when the user is away', () => {
    const until = now + 3 * 24 * 60 * minute;
    expect(
      ask({ settings: { message: 'Back on {until}.', schedule: { kind: 'until', until } }, formatTime: () => 'Thursday 9:00' }),
    ).toMatchObject({ message: 'Back on Thursday 9:00.' });
  });

  it('fills only known placeholders', () => {
    expect(fillTemplate('{sender} {until} {other}', { sender: 'A', until: 'B' })).toBe('A B {other}');
  });
});

import { describe, expect, it } from 'vitest';
import { parseSocketFrame } from './socketMessage.ts';

const parseSocketMessage = (frame: string) => parseSocketFrame(frame).message;

const frame = (event: string, data: Record<string, unknown>) => JSON.stringify({ event, data, broadcast: {} });
const rawPost = { id: 'p1', user_id: 'bob', channel_id: 'c1', root_id: '', type: '', message: 'Hi', create_at: 5, props: {} };

describe('socket messages', () => {
  it('reads a posted message with its channel type and sender', () => {
    expect(parseSocketMessage(frame('posted', { post: JSON.stringify(rawPost), channel_type: 'D', team_id: '', sender_name: '@bob' }))).toMatchObject({
      event: 'posted',
      posted: { channelId: 'c1', channelType: 'D', senderName: 'bob', post: { id: 'p1', createAt: 5 } },
    });
  });

  it('reads a deleted post', () => {
    expect(parseSocketMessage(frame('post_deleted', { post: JSON.stringify(rawPost) }))).toEqual({ event: 'post_deleted', channelId: 'c1', postId: 'p1' });
  });

  it('reads changed and deleted preferences, a deleted one without a value', () => {
    const preferences = JSON.stringify([{ user_id: 'alice', category: 'display_settings', name: 'collapsed_reply_threads', value: 'off' }]);
    expect(parseSocketMessage(frame('preferences_changed', { preferences }))).toEqual({
      event: 'preferences_changed',
      preferences: [{ category: 'display_settings', name: 'collapsed_reply_threads', value: 'off' }],
    });
    expect(parseSocketMessage(frame('preferences_deleted', { preferences }))).toEqual({
      event: 'preferences_changed',
      preferences: [{ category: 'display_settings', name: 'collapsed_reply_threads', value: undefined }],
    });
  });

  it('reads the two people of a new direct conversation', () => {
    expect(parseSocketMessage(frame('direct_added', { creator_id: 'bob', teammate_id: 'alice' }))).toEqual({ event: 'direct_added', userIds: ['bob', 'alice'] });
  });

  it('reads a reaction with the channel it was broadcast to', () => {
    const reaction = JSON.stringify({ user_id: 'bob', post_id: 'p1', emoji_name: '+1', create_at: 7 });
    expect(parseSocketMessage(JSON.stringify({ event: 'reaction_added', data: { reaction }, broadcast: { channel_id: 'c1' } }))).toEqual({
      event: 'reaction_added',
      reaction: { userId: 'bob', postId: 'p1', channelId: 'c1', emojiName: '+1' },
    });
    expect(parseSocketMessage(frame('reaction_added', { reaction: '{"user_id":"bob"}' }))).toEqual({ event: 'other' });
  });

  it('takes anything malformed as an event of no interest', () => {
    expect(parseSocketMessage('not json')).toEqual({ event: 'other' });
    expect(parseSocketMessage(frame('preferences_changed', { preferences: 'nope' }))).toEqual({ event: 'other' });
    expect(parseSocketMessage(frame('post_deleted', { post: '{}' }))).toEqual({ event: 'other' });
  });

  it('gives an event frame’s sequence number, and none for a reply to the webapp’s own request', () => {
    expect(parseSocketFrame(JSON.stringify({ event: 'typing', data: {}, seq: 7 })).seq).toBe(7);
    expect(parseSocketFrame(JSON.stringify({ status: 'OK', seq_reply: 3 })).seq).toBeUndefined();
  });
});

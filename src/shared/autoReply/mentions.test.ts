import { describe, expect, it } from 'vitest';
import { findMention, isMentioned, type MentionProfile } from './mentions.ts';

const alice: MentionProfile = {
  username: 'alice.smith',
  firstName: 'Alice',
  mentionKeys: ['payroll', '小丽'],
  firstNameMentions: false,
  channelWideMentions: true,
};

describe('what counts as mentioning the user', () => {
  it('finds @username whatever the case and the punctuation around it', () => {
    for (const message of ['@alice.smith can you look?', 'ping @Alice.Smith.', '(@alice.smith)', '@alice.smith: hi', 'cc @alice.smith_']) {
      expect(findMention(message, alice), message).toBe('personal');
    }
  });

  it('finds @username glued after a word by a dot, as Mattermost does', () => {
    expect(findMention('hi.@carol', { ...alice, username: 'carol' })).toBe('personal');
  });

  it('does not take a longer name, the bare username or a mention in code for one', () => {
    for (const message of ['@alice.smithers', '@alice', 'alice.smith said', 'see `@alice.smith`', '```\n@alice.smith\n```']) {
      expect(findMention(message, alice), message).toBeUndefined();
    }
  });

  it('takes the mention keys, a multibyte key inside a word too', () => {
    expect(findMention('Payroll question', alice)).toBe('personal');
    expect(findMention('请问小丽在吗', alice)).toBe('personal');
  });

  it('takes the first name, as written, only when the user chose it', () => {
    expect(findMention('Alice, are you there?', alice)).toBeUndefined();
    const byFirstName = { ...alice, firstNameMentions: true };
    expect(findMention('Alice, are you there?', byFirstName)).toBe('personal');
    expect(findMention('alice, are you there?', byFirstName)).toBeUndefined();
  });

  it('tells channel-wide mentions apart, and counts them only when chosen and the user takes them', () => {
    expect(findMention('@channel release at 5', alice)).toBe('channel-wide');
    expect(findMention('@here: anyone?', alice)).toBe('channel-wide');
    expect(isMentioned('@all release at 5', alice, false)).toBe(false);
    expect(isMentioned('@all release at 5', alice, true)).toBe(true);
    expect(isMentioned('@all release at 5', { ...alice, channelWideMentions: false }, true)).toBe(false);
    expect(isMentioned('@channel and @alice.smith', alice, false)).toBe(true);
  });

  it('skips emoji names', () => {
    expect(findMention(':payroll: done', alice)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { laterDuplicateReplies } from './duplicateReplies.ts';
import { autoReplyProp, type PostFacts } from './replyPolicy.ts';

const post = (id: string, createAt: number, userId = 'me', answers = 'm1'): PostFacts => ({
  id,
  userId,
  rootId: 'm1',
  type: '',
  message: 'Away',
  createAt,
  props: { [autoReplyProp]: answers },
});

describe('duplicate auto-replies', () => {
  it('keeps the earliest reply to a message and names the later ones', () => {
    expect(laterDuplicateReplies([post('b', 200), post('a', 100), post('c', 300)], 'm1', 'me').map((entry) => entry.id)).toEqual(['b', 'c']);
  });

  it('breaks a tie on create_at by id, the same way on every device', () => {
    expect(laterDuplicateReplies([post('zz', 100), post('aa', 100)], 'm1', 'me').map((entry) => entry.id)).toEqual(['zz']);
    expect(laterDuplicateReplies([post('aa', 100), post('zz', 100)], 'm1', 'me').map((entry) => entry.id)).toEqual(['zz']);
  });

  it('ignores replies to other messages, other people and a single reply', () => {
    expect(laterDuplicateReplies([post('a', 100), post('b', 200, 'me', 'm2'), post('c', 300, 'bob')], 'm1', 'me')).toEqual([]);
  });
});

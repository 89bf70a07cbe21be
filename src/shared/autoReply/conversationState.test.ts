import { describe, expect, it } from 'vitest';
import { ConversationState } from './conversationState.ts';
import type { PostFacts } from './replyPolicy.ts';

const post = (id: string, createAt: number, userId = 'sender'): PostFacts => ({ id, userId, rootId: '', type: '', message: id, createAt, props: {} });
const ids = (posts: readonly PostFacts[] | undefined) => posts?.map((entry) => entry.id);

function listening(): ConversationState {
  const state = new ConversationState(3, 4);
  state.restart(true);
  return state;
}

describe('conversation state', () => {
  it('knows nothing of a conversation it has only heard from mid-way', () => {
    const state = listening();
    state.observe('c1', post('a', 100));
    expect(state.postsFrom('c1', 'D', 50)).toBeUndefined();
  });

  it('knows a listed conversation from just after its newest post at the time of the list, with the posts heard since', () => {
    const state = listening();
    state.learnChannelList(state.readStarting(), [{ id: 'c1', type: 'D', lastPostAt: 100 }]);
    state.observe('c1', post('a', 150));
    expect(ids(state.postsFrom('c1', 'D', 101))).toEqual(['a']);
    expect(ids(state.postsFrom('c1', 'D', 120))).toEqual(['a']);
    expect(state.postsFrom('c1', 'D', 100)).toBeUndefined();
  });

  it('takes a direct or group conversation missing from the list as newer than it, but not a channel', () => {
    const state = listening();
    state.learnChannelList(state.readStarting(), [{ id: 'listed', type: 'D', lastPostAt: 100 }]);
    state.observe('new-dm', post('a', 150));
    expect(ids(state.postsFrom('new-dm', 'D', 0))).toEqual(['a']);
    expect(ids(state.postsFrom('new-gm', 'G', 0))).toEqual([]);
    expect(state.postsFrom('joined-channel', 'O', 0)).toBeUndefined();
    expect(state.postsFrom('listed', 'D', 0)).toBeUndefined();
  });

  it('learns a history read and keeps the posts heard meanwhile', () => {
    const state = listening();
    const token = state.readStarting();
    state.observe('c1', post('live', 300));
    state.learnHistory(token, 'c1', 200, [post('old', 250), post('live', 300)]);
    expect(ids(state.postsFrom('c1', 'O', 200))).toEqual(['old', 'live']);
    expect(state.postsFrom('c1', 'O', 199)).toBeUndefined();
  });

  it('learns nothing from a read that began before a gap, and nothing while the socket is down', () => {
    const state = listening();
    const token = state.readStarting();
    state.restart(true);
    state.learnHistory(token, 'c1', 0, [post('a', 10)]);
    expect(state.postsFrom('c1', 'O', 0)).toBeUndefined();

    state.restart(false);
    expect(state.readStarting()).toBeUndefined();
    state.observe('c2', post('b', 10));
    expect(state.postsFrom('c2', 'D', 0)).toBeUndefined();
  });

  it('forgets everything after a gap', () => {
    const state = listening();
    state.learnHistory(state.readStarting(), 'c1', 0, [post('a', 10)]);
    state.restart(true);
    expect(state.postsFrom('c1', 'O', 0)).toBeUndefined();
  });

  it('keeps the newest posts of a conversation and no longer claims the span it let go', () => {
    const state = listening();
    state.learnHistory(state.readStarting(), 'c1', 0, []);
    for (let at = 1; at <= 6; at += 1) state.observe('c1', post(`p${at}`, at * 10));
    expect(ids(state.postsFrom('c1', 'O', 30))).toEqual(['p3', 'p4', 'p5', 'p6']);
    expect(state.postsFrom('c1', 'O', 20)).toBeUndefined();
    // A later list cannot bring back what was let go.
    state.learnChannelList(state.readStarting(), [{ id: 'c1', type: 'O', lastPostAt: 0 }]);
    expect(state.postsFrom('c1', 'O', 20)).toBeUndefined();
  });

  it('lets go of the least recently active conversations beyond the limit', () => {
    const state = listening();
    const token = state.readStarting();
    for (const channel of ['c1', 'c2', 'c3', 'c4']) state.learnHistory(token, channel, 0, [post(`${channel}-a`, 10)]);
    expect(state.postsFrom('c1', 'O', 0)).toBeUndefined();
    expect(ids(state.postsFrom('c1', 'O', 11))).toEqual([]);
    expect(ids(state.postsFrom('c4', 'O', 0))).toEqual(['c4-a']);
  });

  it('forgets a deleted post and never holds one twice', () => {
    const state = listening();
    state.learnHistory(state.readStarting(), 'c1', 0, [post('a', 10), post('b', 20)]);
    state.observe('c1', post('b', 20));
    state.forgetPost('c1', 'a');
    expect(ids(state.postsFrom('c1', 'O', 0))).toEqual(['b']);
  });

  it('keeps posts in the order they were created, whatever the order they were heard in', () => {
    const state = listening();
    state.learnHistory(state.readStarting(), 'c1', 0, []);
    state.observe('c1', post('late', 30));
    state.observe('c1', post('early', 20));
    expect(ids(state.postsFrom('c1', 'O', 0))).toEqual(['early', 'late']);
  });
});

describe('conversation state over a long time', () => {
  it('starts afresh rather than track more conversations than its limit', () => {
    const state = new ConversationState(3, 4, 5);
    state.restart(true);
    const token = state.readStarting();
    for (let index = 0; index < 5; index += 1) state.learnHistory(token, `c${index}`, 0, []);
    expect(ids(state.postsFrom('c0', 'O', 0))).toEqual([]);
    state.learnHistory(token, 'c5', 0, []);
    expect(state.postsFrom('c0', 'O', 0)).toBeUndefined();
    // A read begun before that is not learnt either.
    expect(state.postsFrom('c5', 'O', 0)).toBeUndefined();
  });
});

describe('conversation state and changes to posts', () => {
  const reply = (id: string, createAt: number, rootId: string, userId = 'me'): PostFacts => ({ ...post(id, createAt, userId), rootId });

  it('forgets the replies of a deleted thread root with it, also when a read begun earlier brings them back', () => {
    const state = listening();
    const token = state.readStarting();
    state.learnHistory(token, 'c1', 0, [post('root', 10), reply('answer', 20, 'root')]);
    state.forgetPost('c1', 'root');
    expect(ids(state.postsFrom('c1', 'O', 0))).toEqual([]);
    state.learnHistory(token, 'c1', 0, [post('root', 10), reply('answer', 20, 'root'), post('other', 30)]);
    expect(ids(state.postsFrom('c1', 'O', 0))).toEqual(['other']);
  });

  it('reads an edited post’s new text', () => {
    const state = listening();
    state.learnHistory(state.readStarting(), 'c1', 0, [post('a', 10)]);
    state.replacePost('c1', { ...post('a', 10), message: 'thanks, bye' });
    expect(state.postsFrom('c1', 'O', 0)?.[0]?.message).toBe('thanks, bye');
  });

  it('keeps the user’s own posts over a gap, without claiming what surrounds them', () => {
    const state = listening();
    state.learnHistory(state.readStarting(), 'c1', 0, [post('message', 10), reply('mine', 20, 'message')]);
    state.restart(true, (entry) => entry.userId === 'me');
    expect(state.postsFrom('c1', 'D', 0)).toBeUndefined();
    // A list from a replica that has not seen the reply yet still leaves it known.
    state.learnChannelList(state.readStarting(), [{ id: 'c1', type: 'D', lastPostAt: 10 }]);
    expect(ids(state.postsFrom('c1', 'D', 11))).toEqual(['mine']);
  });

  it('learns a conversation it had let go of again from a read', () => {
    const state = listening();
    const token = state.readStarting();
    for (const channel of ['c1', 'c2', 'c3', 'c4']) state.learnHistory(token, channel, 0, [post(`${channel}-a`, 10)]);
    expect(state.postsFrom('c1', 'O', 0)).toBeUndefined();
    state.learnHistory(state.readStarting(), 'c1', 0, [post('c1-a', 10)]);
    expect(ids(state.postsFrom('c1', 'O', 0))).toEqual(['c1-a']);
  });
});

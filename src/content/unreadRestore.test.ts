import { describe, expect, it } from 'vitest';
import type { CandidatePost } from '../shared/autoReply/pendingReplies.ts';
import type { PostFacts } from '../shared/autoReply/replyPolicy.ts';
import { readUnreadState, restoreUnread } from './unreadRestore.ts';
import { scriptedApi } from './testing/scriptedApi.ts';

/** Putting the unread state back after a reply, against a scripted server. */
const post = (id: string, createAt: number, userId = 'bob', rootId = ''): PostFacts => ({ id, userId, rootId, type: '', message: id, createAt, props: {} });
const raw = (facts: PostFacts) => ({ id: facts.id, user_id: facts.userId, channel_id: 'dm', root_id: facts.rootId, type: '', message: facts.message, create_at: facts.createAt, props: {} });


const candidate = (message: PostFacts): CandidatePost => ({ post: message, channelId: 'dm', channelType: 'D', teamId: '', seenAt: message.createAt, late: false });

describe('keeping the unread state after a reply', () => {
  it('collapsed threads off: marks unread from the first unseen message, even one older than the history read for the decision', async () => {
    const older = post('older', 1_000);
    const message = post('m', 50_000);
    const api = scriptedApi((method, path) => {
      if (path === '/channels/dm/members/me') return { last_viewed_at: 60_000 };
      if (path.startsWith('/channels/dm/posts?page=0')) return { order: ['r', 'm', 'older', 'seen'], posts: { r: raw(post('r', 55_000, 'alice', 'm')), m: raw(message), older: raw(older), seen: raw(post('seen', 400)) } };
      if (path.startsWith('/channels/dm/posts?page=')) return { order: [], posts: {} };
      if (method === 'POST') return {};
      throw new Error(path);
    });
    await restoreUnread(api, 'alice', candidate(message), { channelLastViewedAt: 500 }, { from: message.createAt, posts: [message] }, undefined);
    expect(api.calls).toContain('POST /users/alice/posts/older/set_unread');
  });

  it('collapsed threads on: a message in a followed thread makes the thread unread again from the first reply not seen', async () => {
    const root = post('root', 1_000);
    const seenReply = post('seen', 2_000, 'bob', 'root');
    const unseenReply = post('unseen', 3_000, 'bob', 'root');
    const message = post('m', 4_000, 'bob', 'root');
    const api = scriptedApi((method, path) => {
      if (path === '/channels/dm/members/me') return { last_viewed_at: 500 };
      if (method === 'POST') return {};
      throw new Error(path);
    });
    await restoreUnread(api, 'alice', candidate(message), { channelLastViewedAt: 500, thread: { teamId: 'team1', lastViewedAt: 2_500 } }, { from: root.createAt, posts: [root, seenReply, unseenReply, message] }, undefined);
    expect(api.calls).toEqual(['GET /channels/dm/members/me', 'POST /users/alice/teams/team1/threads/root/set_unread/unseen']);
  });

  it('changes nothing when the reply left both the channel and the thread as they were', async () => {
    const message = post('m', 4_000);
    const api = scriptedApi((method, path) => {
      if (path === '/channels/dm/members/me') return { last_viewed_at: 500 };
      throw new Error(path);
    });
    await restoreUnread(api, 'alice', candidate(message), { channelLastViewedAt: 500 }, { from: message.createAt, posts: [message] }, undefined);
    expect(api.calls).toEqual(['GET /channels/dm/members/me']);
  });

  it('collapsed threads known to be off: marks unread without asking whether the channel was marked viewed', async () => {
    const message = post('m', 4_000);
    const api = scriptedApi((method) => {
      if (method === 'POST') return {};
      throw new Error('no read expected');
    });
    await restoreUnread(api, 'alice', candidate(message), { channelLastViewedAt: 500 }, { from: 400, posts: [message] }, false);
    expect(api.calls).toEqual(['POST /users/alice/posts/m/set_unread']);
  });

  it('collapsed threads known to be on, a message outside any thread: nothing to read before the reply nor to put back after it', async () => {
    const message = post('m', 4_000);
    const api = scriptedApi(() => {
      throw new Error('no request expected');
    });
    const before = await readUnreadState(api, 'alice', candidate(message), async () => 'team1', true);
    await restoreUnread(api, 'alice', candidate(message), before, { from: 400, posts: [message] }, true);
    expect(api.calls).toEqual([]);
  });

  it('collapsed threads known to be on, a message in a thread: reads the thread, never the channel', async () => {
    const message = post('m', 4_000, 'bob', 'root');
    const api = scriptedApi((method, path) => {
      if (path === '/users/alice/teams/team1/threads/root') return { last_viewed_at: 3_000 };
      throw new Error(path);
    });
    expect(await readUnreadState(api, 'alice', candidate(message), async () => 'team1', true)).toEqual({ thread: { teamId: 'team1', lastViewedAt: 3_000 } });
    expect(api.calls).toEqual(['GET /users/alice/teams/team1/threads/root']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../shared/autoReply/activity.ts';
import type { CandidatePost } from '../shared/autoReply/pendingReplies.ts';
import { autoReplyProp } from '../shared/autoReply/replyPolicy.ts';
import { defaultAutoReplySettings } from '../shared/autoReply/settings.ts';
import { ConversationState } from '../shared/autoReply/conversationState.ts';
import { respondTo, type ResponderContext } from './autoReplyResponder.ts';
import { fetchDisplayName, fetchDisplayNames } from './autoReplyRest.ts';
import { DisplayNameBook } from './displayNameBook.ts';
import { MattermostApiError, type MattermostApi } from './mattermostApi.ts';
import { scriptedApi } from './testing/scriptedApi.ts';

/**
 * The responder against a scripted server: which REST answers lead to a
 * reply, to the retry queue, to a listed failure, and what it sends.
 */
const now = 1_700_000_000_000;
const message = { id: 'm1', user_id: 'bob', channel_id: 'dm', root_id: '', type: '', message: 'Hi', create_at: now - 1_000, props: {} };

type Handler = (method: string, path: string, body: unknown) => unknown;


/** A DM server: the message, alice's channel membership, and whatever `overrides` changes. */
function dmServer(overrides: (method: string, path: string, body: unknown) => unknown = () => undefined): Handler {
  const created: Record<string, unknown>[] = [];
  let lastViewedAt = now - 60_000;
  return (method, path, body) => {
    const overridden = overrides(method, path, body);
    if (overridden !== undefined) return overridden;
    if (method === 'GET' && path.startsWith('/channels/dm/posts?page=0')) {
      const posts = [message, ...created];
      return { order: posts.map((post) => post.id).reverse(), posts: Object.fromEntries(posts.map((post) => [post.id, post])) };
    }
    if (method === 'GET' && path.startsWith('/channels/dm/posts?page=')) return { order: [], posts: {} };
    if (method === 'GET' && path === '/users/bob') return { id: 'bob', username: 'bob', first_name: 'Bob', last_name: 'Baker' };
    if (method === 'POST' && path === '/users/ids') return [{ id: 'bob', username: 'bob', first_name: 'Bob', last_name: 'Baker' }];
    if (method === 'GET' && path === '/channels/dm/members/me') return { last_viewed_at: lastViewedAt };
    if (method === 'POST' && path === '/posts?set_online=false') {
      const reply = { ...(body as object), id: `r${created.length + 1}`, user_id: 'alice', create_at: now + created.length, type: '' };
      created.push(reply);
      // Collapsed threads off: posting marks the channel viewed.
      lastViewedAt = now + 10;
      return reply;
    }
    if (method === 'POST' && path.includes('/set_unread')) return {};
    throw new Error(`unexpected ${method} ${path}`);
  };
}

function contextWith(
  api: MattermostApi,
  clock = { at: now },
  heard: { conversations: ConversationState; collapsedThreads?: boolean } = { conversations: new ConversationState() },
): ResponderContext & { entries: ActivityEntry[] } {
  const entries: ActivityEntry[] = [];
  return {
    api,
    entries,
    me: {
      id: 'alice',
      username: 'alice',
      nativeResponderActive: false,
      mentionProfile: { username: 'alice', firstName: 'Alice', mentionKeys: [], firstNameMentions: false, channelWideMentions: true },
    },
    settings: { ...defaultAutoReplySettings, enabled: true, message: 'Away, {sender}' },
    now: () => clock.at,
    sleep: () => Promise.resolve(),
    names: new DisplayNameBook({ many: (ids) => fetchDisplayNames(api, ids), one: (id) => fetchDisplayName(api, id) }),
    conversations: heard.conversations,
    collapsedThreads: () => Promise.resolve(heard.collapsedThreads),
    anyTeamId: () => Promise.resolve('team1'),
    record: (entry) => {
      entries.push(entry);
      return Promise.resolve();
    },
    onReplyCreated: () => undefined,
  };
}

const candidate: CandidatePost = {
  post: { id: 'm1', userId: 'bob', rootId: '', type: '', message: 'Hi', createAt: now - 1_000, props: {} },
  channelId: 'dm',
  channelType: 'D',
  teamId: '',
  seenAt: now - 900,
  late: false,
  senderHint: 'bob',
};

describe('answering one message', () => {
  it('replies in the thread, puts the unread marker back on the first unseen message and lists the reply', async () => {
    const api = scriptedApi(dmServer());
    const context = contextWith(api);
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(api.calls).toContain('POST /users/alice/posts/m1/set_unread');
    expect(context.entries).toMatchObject([{ kind: 'replied', postId: 'm1', senderName: 'Bob Baker' }]);
  });

  it('hands a message whose history cannot be read to the retry queue, listing nothing yet', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (path.startsWith('/channels/dm/posts')) throw new MattermostApiError(503, '', 'Service Unavailable');
        return undefined;
      }),
    );
    const context = contextWith(api);
    expect(await respondTo(context, candidate)).toEqual({ kind: 'unreachable', reason: 'HTTP 503: Service Unavailable' });
    expect(context.entries).toEqual([]);
    expect(api.calls.some((call) => call.startsWith('POST /posts'))).toBe(false);
  });

  it('lists a refused reply at once with the server’s reason', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (method === 'POST' && path.startsWith('/posts')) throw new MattermostApiError(403, 'api.context.permissions.app_error', 'No permission');
        return undefined;
      }),
    );
    const context = contextWith(api);
    expect(await respondTo(context, candidate)).toMatchObject({ kind: 'refused' });
    expect(context.entries).toMatchObject([{ kind: 'failed', reason: 'HTTP 403 api.context.permissions.app_error: No permission' }]);
  });

  it('still lists the reply when the unread marker cannot be put back, saying so', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (path.includes('/set_unread')) throw new MattermostApiError(500, '', 'boom');
        return undefined;
      }),
    );
    const context = contextWith(api);
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(context.entries).toMatchObject([{ kind: 'replied', unreadNotKept: 'HTTP 500: boom' }]);
  });

  it('removes its own reply when it came late and another device had already answered', async () => {
    const earlier = { id: 'r0', user_id: 'alice', channel_id: 'dm', root_id: 'm1', type: '', message: 'Away', create_at: now - 500, props: { [autoReplyProp]: 'm1' } };
    let posted = false;
    const clock = { at: now };
    const api = scriptedApi(
      dmServer((method, path) => {
        if (method === 'POST' && path.startsWith('/posts')) {
          posted = true;
          // Held behind a rate limit: the reply lands 40 s after the decision.
          clock.at += 40_000;
          return { id: 'r9', create_at: clock.at };
        }
        if (method === 'GET' && path.startsWith('/channels/dm/posts?page=0') && posted) {
          return { order: ['r9', 'r0', 'm1'], posts: { m1: message, r0: earlier, r9: { ...earlier, id: 'r9', create_at: clock.at } } };
        }
        if (method === 'DELETE') return { status: 'OK' };
        return undefined;
      }),
    );
    const context = contextWith(api, clock);
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(api.calls).toContain('DELETE /posts/r9');
  });

  it('sends a message the history does not show yet, but the server has, to the retry queue', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (path.startsWith('/channels/dm/posts?page=0')) return { order: [], posts: {} };
        if (path === '/posts/m1') return message;
        return undefined;
      }),
    );
    expect(await respondTo(contextWith(api), candidate)).toMatchObject({ kind: 'unreachable' });
  });

  it('skips a message the server does not have (an event the page made up)', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (path.startsWith('/channels/dm/posts?page=0')) return { order: [], posts: {} };
        if (path === '/posts/m1') throw new MattermostApiError(404, 'app.post.get.app_error', 'Not found');
        return undefined;
      }),
    );
    expect(await respondTo(contextWith(api), candidate)).toEqual({ kind: 'skipped', reason: 'not-on-server' });
  });

  it('replies even when the unread state cannot be read first, and says it was not kept', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (path === '/channels/dm/members/me') throw new MattermostApiError(403, 'api.context.permissions.app_error', 'No permission');
        return undefined;
      }),
    );
    const context = contextWith(api);
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(context.entries).toMatchObject([{ kind: 'replied', unreadNotKept: 'HTTP 403 api.context.permissions.app_error: No permission' }]);
  });

  it('counts a late reply as sent even when the check for a twin fails', async () => {
    const clock = { at: now };
    const api = scriptedApi(
      dmServer((method, path) => {
        if (method === 'POST' && path.startsWith('/posts')) {
          clock.at += 40_000;
          return { id: 'r9', create_at: clock.at };
        }
        if (method === 'GET' && path.startsWith('/channels/dm/posts?page=0') && clock.at > now) throw new MattermostApiError(503, '', 'down');
        return undefined;
      }),
    );
    const context = contextWith(api, clock);
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(context.entries).toMatchObject([{ kind: 'replied' }]);
  });

  it('counts a message’s age up to when the tab first saw it, so a retry much later still answers it', async () => {
    const api = scriptedApi(dmServer());
    const context = contextWith(api, { at: now + 60 * 60_000 });
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(await respondTo(contextWith(scriptedApi(dmServer())), { ...candidate, seenAt: now + 60 * 60_000 })).toMatchObject({ kind: 'skipped', reason: 'too-old' });
  });
});

describe('answering from what the tab heard', () => {
  const toFacts = (raw: typeof message) => ({ id: raw.id, userId: raw.user_id, rootId: raw.root_id, type: raw.type, message: raw.message, createAt: raw.create_at, props: raw.props });
  /** A tab that has heard the conversation since before the longest interval, the message included. */
  function heardConversation(posts: (typeof message)[]): ConversationState {
    const conversations = new ConversationState();
    conversations.restart(true);
    conversations.learnHistory(conversations.readStarting(), 'dm', 0, posts.map(toFacts));
    return conversations;
  }

  it('skips a message of a conversation it answered a moment ago without a single request', async () => {
    const earlierReply = { ...message, id: 'r0', user_id: 'alice', root_id: 'm0', message: 'Away', create_at: now - 5_000, props: { [autoReplyProp]: 'm0' } };
    const api = scriptedApi(() => {
      throw new Error('no request expected');
    });
    const context = contextWith(api, { at: now }, { conversations: heardConversation([earlierReply, message]) });
    expect(await respondTo(context, candidate)).toEqual({ kind: 'skipped', reason: 'recently-replied' });
    expect(api.calls).toEqual([]);
  });

  it('answers with the reply as its only request once the sender’s name is known, collapsed threads on', async () => {
    const api = scriptedApi(dmServer());
    const conversations = heardConversation([message]);
    const context = contextWith(api, { at: now }, { conversations, collapsedThreads: true });
    await context.names.nameOf('bob');
    const before = api.calls.length;
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(api.calls.slice(before)).toEqual(['POST /posts?set_online=false']);
    expect(context.entries).toMatchObject([{ kind: 'replied', senderName: 'Bob Baker' }]);
    // The reply is known at once: a second message from Bob is settled without asking.
    const second = { ...candidate, post: { ...candidate.post, id: 'm2', createAt: now + 100 } };
    conversations.observe('dm', second.post);
    expect(await respondTo(context, second)).toEqual({ kind: 'skipped', reason: 'recently-replied' });
    expect(api.calls.slice(before)).toEqual(['POST /posts?set_online=false']);
  });

  it('with collapsed threads off, reads the channel’s marker before the reply and puts it back after, without reading it again', async () => {
    const api = scriptedApi(dmServer());
    const context = contextWith(api, { at: now }, { conversations: heardConversation([message]), collapsedThreads: false });
    await context.names.nameOf('bob');
    const before = api.calls.length;
    expect(await respondTo(context, candidate)).toEqual({ kind: 'replied' });
    expect(api.calls.slice(before)).toEqual(['GET /channels/dm/members/me', 'POST /posts?set_online=false', 'POST /users/alice/posts/m1/set_unread']);
  });

  it('skips a heard message whose thread the server says is not there', async () => {
    const api = scriptedApi(
      dmServer((method, path) => {
        if (method === 'POST' && path.startsWith('/posts')) throw new MattermostApiError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId');
        if (path === '/posts/m1') throw new MattermostApiError(404, 'app.post.get.app_error', 'Not found');
        return undefined;
      }),
    );
    const context = contextWith(api, { at: now }, { conversations: heardConversation([message]), collapsedThreads: true });
    expect(await respondTo(context, candidate)).toEqual({ kind: 'skipped', reason: 'not-on-server' });
    expect(context.entries).toEqual([]);
  });
});

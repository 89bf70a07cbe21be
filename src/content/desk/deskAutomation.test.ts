import { describe, expect, it } from 'vitest';
import { withoutFailuresOf, type DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { deskProp } from '../../shared/desk/deskPosts.ts';
import { defaultDeskSettings, type DeskSettings } from '../../shared/desk/deskSettings.ts';
import { MattermostApiError } from '../mattermostApi.ts';
import { scriptedApi } from '../testing/scriptedApi.ts';
import type { ReportWords } from '../../shared/desk/weeklyReport.ts';
import { startDeskAutomation, type DeskStorage } from './deskAutomation.ts';

/**
 * The desk in a tab against a scripted help channel: what it answers live
 * and at catch-up, what it leaves, the 👍 that solves, and every request.
 */
const help = 'helpchannel000000000000000';
const runner = 'runner00000000000000000000';
const teammate = 'teammate000000000000000000';
const asker = 'asker000000000000000000000';
const teamGroup = 'group000000000000000000000';
const workspace = { origin: 'https://chat.example.com', basePath: '' };
const now = 1_700_000_000_000;

const settings: DeskSettings = {
  ...defaultDeskSettings,
  enabled: true,
  channelIds: [help],
  team: { userIds: [runner, teammate], groupId: null },
  answers: { rules: [{ kind: 'keyword', match: 'vpn', reply: 'Restart the VPN client.' }], askForFeedback: true },
};

interface ServerPost {
  id: string;
  user_id: string;
  channel_id: string;
  root_id: string;
  create_at: number;
  update_at: number;
  message: string;
  type: string;
  props: Record<string, unknown>;
  metadata: { reactions: Array<{ user_id: string; emoji_name: string; create_at: number }> };
}

/**
 * A help channel on a scripted server; `fail` makes one kind of request fail. With collapsed threads off (the
 * default here) the runner's posts mark the channel viewed; with them on, a reply marks only its thread.
 */
function helpChannel(
  fail: (method: string, path: string) => boolean = () => false,
  { collapsedThreads = false, group = { members: [] as string[], licensed: true } } = {},
) {
  const posts = new Map<string, ServerPost>();
  let lastViewedAt = now - 60_000;
  let created = 0;
  const add = (post: Partial<ServerPost> & { id: string }) => {
    const full: ServerPost = { user_id: asker, channel_id: help, root_id: '', create_at: now, update_at: now, message: '', type: '', props: {}, metadata: { reactions: [] }, ...post };
    posts.set(full.id, full);
    return full;
  };
  const api = scriptedApi((method, path, body) => {
    if (fail(method, path)) throw new MattermostApiError(500, 'app.error', 'The server failed');
    const thread = /^\/posts\/(\w+)\/thread/.exec(path);
    if (method === 'GET' && thread) {
      const rootId = thread[1] ?? '';
      const inThread = [...posts.values()].filter((post) => post.id === rootId || post.root_id === rootId);
      return { order: inThread.map((post) => post.id), posts: Object.fromEntries(inThread.map((post) => [post.id, post])) };
    }
    const one = /^\/posts\/(\w+)$/.exec(path);
    if (method === 'GET' && one) return posts.get(one[1] ?? '');
    if (method === 'DELETE' && one) return posts.delete(one[1] ?? '') && {};
    if (method === 'GET' && path === `/channels/${help}/members/me`) return { last_viewed_at: lastViewedAt };
    const since = /^\/channels\/(\w+)\/posts\?since=(\d+)/.exec(path);
    if (method === 'GET' && since) {
      const changed = [...posts.values()].filter((post) => post.channel_id === since[1] && post.update_at > Number(since[2]));
      return { order: changed.map((post) => post.id), posts: Object.fromEntries(changed.map((post) => [post.id, post])) };
    }
    const page = /^\/channels\/(\w+)\/posts\?page=0/.exec(path);
    if (method === 'GET' && page) {
      const all = [...posts.values()].filter((post) => post.channel_id === page[1]).sort((a, b) => b.create_at - a.create_at);
      return { order: all.map((post) => post.id), posts: Object.fromEntries(all.map((post) => [post.id, post])) };
    }
    if (method === 'GET' && path === '/channels/report/members/me') return { last_viewed_at: now + 100 };
    if (method === 'POST' && path === '/posts?set_online=false') {
      const sent = body as { channel_id: string; root_id: string; message: string; props: Record<string, unknown> };
      created += 1;
      if (!collapsedThreads || sent.root_id === '') lastViewedAt = now + 100;
      return add({ id: `${String(sent.props[deskProp] ?? 'post')}${created}`, user_id: runner, channel_id: sent.channel_id, root_id: sent.root_id, message: sent.message, props: sent.props, create_at: now + 100, update_at: now + 100 });
    }
    if (method === 'POST' && /^\/users\/\w+\/posts\/\w+\/set_unread$/.test(path)) return {};
    if (method === 'POST' && /^\/users\/\w+\/teams\/\w+\/threads\/\w+\/set_unread\/\w+$/.test(path)) return {};
    if (method === 'GET' && path === `/channels/${help}`) return { id: help, team_id: 'team1' };
    if (method === 'POST' && path === '/posts/ephemeral') return { id: 'ephemeral' };
    if (method === 'POST' && path === '/channels/direct') return { id: 'dm' };
    if (method === 'GET' && path === '/channels/dm/members/me') return { last_viewed_at: now + 100 };
    if (method === 'GET' && path.startsWith('/channels/dm/posts')) {
      const inDirect = [...posts.values()].filter((post) => post.channel_id === 'dm');
      return { order: inDirect.map((post) => post.id), posts: Object.fromEntries(inDirect.map((post) => [post.id, post])) };
    }
    // Every group has the same members here.
    if (method === 'GET' && /^\/groups\/\w+\/members\?page=0&per_page=200$/.test(path)) {
      if (!group.licensed) throw new MattermostApiError(501, 'api.license_error', 'License required');
      return { members: group.members.map((id) => ({ id })), total_member_count: group.members.length };
    }
    if (method === 'POST' && path === '/users/ids') return (body as string[]).map((id) => ({ id, username: id.replace(/0+$/, '') }));
    if (method === 'POST' && path === '/reactions') {
      const reaction = body as { user_id: string; post_id: string; emoji_name: string };
      posts.get(reaction.post_id)?.metadata.reactions.push({ user_id: reaction.user_id, emoji_name: reaction.emoji_name, create_at: now + 200 });
      return reaction;
    }
    throw new Error(`unexpected ${method} ${path}`);
  });
  return { api, posts, add, group };
}

function memoryStorage(
  point: number | undefined,
  stored: DeskSettings = settings,
  owedFrom?: number,
): DeskStorage & { entries: DeskActivityEntry[]; point: () => number | undefined; change: (next: DeskSettings) => void } {
  const entries: DeskActivityEntry[] = [];
  const listeners: Array<(stored: { readonly settings: DeskSettings; readonly ok: boolean }) => void> = [];
  const welcomed = new Set<string>();
  let caughtUpTo = point;
  let reportsFrom = owedFrom;
  return {
    entries,
    point: () => caughtUpTo,
    read: () => Promise.resolve({ ok: true, settings: stored }),
    onChanged: (listener) => {
      listeners.push(listener);
      return () => undefined;
    },
    change: (next) => {
      for (const listener of listeners) listener({ ok: true, settings: next });
    },
    record: (entry) => {
      entries.push(entry);
      return Promise.resolve();
    },
    clearFailures: (action) => {
      entries.splice(0, entries.length, ...withoutFailuresOf(entries, action));
      return Promise.resolve();
    },
    readCaughtUpTo: () => Promise.resolve(caughtUpTo),
    readReportsFrom: () => Promise.resolve(reportsFrom),
    writeReportsFrom: (at) => {
      reportsFrom = at === undefined ? undefined : (reportsFrom ?? at);
      return Promise.resolve();
    },
    welcomed: {
      has: (key) => Promise.resolve(welcomed.has(key)),
      remember: (key) => {
        welcomed.add(key);
        return Promise.resolve();
      },
    },
    writeCaughtUpTo: (at) => {
      caughtUpTo = Math.max(caughtUpTo ?? 0, at);
      return Promise.resolve();
    },
  };
}

/** Lets every request and storage write under way finish (the scripted server answers at once). */
const words: ReportWords = {
  title: (first, last) => `Desk ${first} to ${last}`,
  figure: 'Figure',
  value: 'Value',
  questions: 'Questions',
  solved: 'Solved',
  open: 'Open',
  answeredAutomatically: 'Answered automatically',
  solvedByFeedback: 'Solved by 👍',
  firstResponseMedian: 'First response, median',
  firstResponseP90: 'First response, p90',
  timeToSolvedMedian: 'Time to solved, median',
  timeToSolvedP90: 'Time to solved, p90',
  commonTags: 'Tags:',
  duration: (ms) => (ms === undefined ? '—' : `${Math.round(ms / 60_000)} min`),
};

const settle = async () => {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};
const posted = (post: { id: string; userId?: string; message: string; rootId?: string; createAt?: number; props?: Record<string, unknown> }) => ({
  post: { userId: asker, rootId: '', type: '', createAt: now, props: {}, ...post },
  channelId: help,
  channelType: 'O' as const,
  teamId: 'team',
  senderName: 'asker',
});

function desk(server: ReturnType<typeof helpChannel>, storage: ReturnType<typeof memoryStorage>, leader = true, clock = { at: now + 1_000 }) {
  return startDeskAutomation({ account: { workspace, userId: runner }, api: server.api, clock: { now: () => clock.at }, isLeader: () => leader, storage, feedbackRequest: 'React with :+1:', reminderText: (mention, minutes) => `${mention}: no reply for ${minutes} minutes`, reportWords: () => words });
}

describe('the desk in a tab', () => {
  it('answers a live question in its thread, marked as the desk’s, and keeps the channel unread', async () => {
    const server = helpChannel();
    const storage = memoryStorage(now);
    const running = desk(server, storage);
    await settle();
    const before = server.api.calls.length;
    server.add({ id: 'q1', message: 'My VPN is down' });
    running.onPosted(posted({ id: 'q1', message: 'My VPN is down' }));
    await settle();
    const answer = server.posts.get('answer1');
    expect(answer).toMatchObject({ root_id: 'q1', message: 'Restart the VPN client.\n\nReact with :+1:', props: { [deskProp]: 'answer' } });
    expect(server.api.calls.slice(before)).toEqual([
      'GET /posts/q1/thread?skipFetchThreads=true',
      `GET /channels/${help}/members/me`,
      'POST /posts?set_online=false',
      'GET /posts/q1/thread?skipFetchThreads=true',
      `GET /channels/${help}/members/me`,
      `GET /channels/${help}/posts?since=${now - 60_000}&skipFetchThreads=true`,
      `POST /users/${runner}/posts/q1/set_unread`,
    ]);
    expect(storage.entries).toEqual([{ kind: 'answered', at: now + 1_000, questionId: 'q1', channelId: help, askerId: asker, ruleNumber: 1 }]);
    // The same question again (a second socket event, a catch-up): nothing more.
    running.onPosted(posted({ id: 'q1', message: 'My VPN is down' }));
    await settle();
    expect(server.posts.has('answer2')).toBe(false);
  });

  it('costs no request for the team’s posts, replies, other channels, or while another tab leads', async () => {
    const server = helpChannel();
    const running = desk(server, memoryStorage(now));
    await settle();
    const before = server.api.calls.length;
    running.onPosted(posted({ id: 't1', userId: teammate, message: 'VPN maintenance tonight' }));
    running.onPosted(posted({ id: 'r1', rootId: 'q0', message: 'vpn?' }));
    running.onPosted({ ...posted({ id: 'o1', message: 'vpn' }), channelId: 'elsewhere00000000000000000' });
    running.onReactionAdded({ userId: asker, postId: 'x', channelId: help, emojiName: 'heart' });
    const follower = desk(server, memoryStorage(now), false);
    await settle();
    follower.onPosted(posted({ id: 'q9', message: 'vpn' }));
    await settle();
    expect(server.api.calls.slice(before)).toEqual([]);
  });

  it('leaves a question whose thread already holds an answer or a reply from the team', async () => {
    const server = helpChannel();
    const storage = memoryStorage(now);
    const running = desk(server, storage);
    await settle();
    server.add({ id: 'q1', message: 'VPN?' });
    server.add({ id: 'other', root_id: 'q1', user_id: teammate, props: { [deskProp]: 'answer' } });
    running.onPosted(posted({ id: 'q1', message: 'VPN?' }));
    server.add({ id: 'q2', message: 'VPN again?' });
    server.add({ id: 'human', root_id: 'q2', user_id: teammate, message: 'On it' });
    running.onPosted(posted({ id: 'q2', message: 'VPN again?' }));
    await settle();
    expect(server.api.calls.filter((call) => call.startsWith('POST'))).toEqual([]);
    expect(storage.entries).toEqual([]);
  });

  it('deletes its own answer when an earlier one from another device is in the thread', async () => {
    const server = helpChannel();
    const storage = memoryStorage(now);
    const running = desk(server, storage);
    await settle();
    server.add({ id: 'q1', message: 'VPN?' });
    const api = server.api;
    const request = api.request.bind(api);
    // The other device's answer lands while this one is posting.
    api.request = (async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      if (method === 'POST' && url.includes('/posts?set_online')) server.add({ id: 'aaaa', root_id: 'q1', user_id: runner, create_at: now + 50, props: { [deskProp]: 'answer' } });
      return request(method, url, body);
    }) as typeof api.request;
    running.onPosted(posted({ id: 'q1', message: 'VPN?' }));
    await settle();
    expect(api.calls).toContain('DELETE /posts/answer1');
    expect(server.posts.has('aaaa')).toBe(true);
    expect(storage.entries).toEqual([]);
  });

  it('lists an answer that failed, with what the server said, and tries it again at the next catch-up', async () => {
    let failing = true;
    const server = helpChannel((method, path) => failing && method === 'POST' && path.startsWith('/posts'));
    const storage = memoryStorage(now);
    const clock = { at: now + 1_000 };
    const running = desk(server, storage, true, clock);
    await settle();
    server.add({ id: 'q1', message: 'VPN?', create_at: now + 2_000, update_at: now + 2_000 });
    running.onPosted(posted({ id: 'q1', message: 'VPN?', createAt: now + 2_000 }));
    await settle();
    expect(storage.entries).toEqual([{ kind: 'failed', at: now + 1_000, action: 'answer', reason: 'HTTP 500 app.error: The server failed', questionId: 'q1', channelId: help, askerId: asker }]);
    // Minutes later the catch-up point is saved, but it stays before the question.
    clock.at = now + 10 * 60_000;
    running.tick();
    await settle();
    expect(storage.point()).toBe(now + 2_000);
    failing = false;
    running.catchUp();
    await settle();
    await settle();
    expect(server.posts.get('answer1')).toMatchObject({ root_id: 'q1' });
    expect(storage.entries.at(-1)).toMatchObject({ kind: 'answered', questionId: 'q1', late: true });
  });

  it('answers at catch-up what came since its point, and only from then; switched on for the first time, nothing older', async () => {
    const server = helpChannel();
    server.add({ id: 'old', message: 'VPN?', create_at: now - 3 * 60 * 60_000, update_at: now - 3 * 60 * 60_000 });
    server.add({ id: 'q1', message: 'VPN?', create_at: now - 10 * 60_000, update_at: now - 10 * 60_000 });
    const fresh = memoryStorage(undefined);
    desk(server, fresh);
    await settle();
    expect(fresh.point()).toBe(now + 1_000);
    expect(server.api.calls).toEqual([]);

    const storage = memoryStorage(now - 60 * 60_000);
    desk(server, storage);
    await settle();
    await settle();
    expect(server.posts.get('answer1')).toMatchObject({ root_id: 'q1' });
    expect([...server.posts.values()].filter((post) => post.root_id === 'old')).toEqual([]);
    expect(storage.entries).toEqual([expect.objectContaining({ kind: 'answered', questionId: 'q1', late: true })]);
    expect(storage.point()).toBe(now + 1_000);
  });

  it('takes a question deleted before its answer as gone, not as a failure', async () => {
    const server = helpChannel();
    const api = server.api;
    const request = api.request.bind(api);
    api.request = (async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      if (url.includes('/posts/q1/thread')) throw new MattermostApiError(404, 'app.post.get.app_error', 'Unable to get the post.');
      return request(method, url, body);
    }) as typeof api.request;
    const storage = memoryStorage(now);
    const running = desk(server, storage);
    await settle();
    running.onPosted(posted({ id: 'q1', message: 'VPN?' }));
    await settle();
    expect(storage.entries).toEqual([]);
    expect(api.calls.filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('switched off and on again, does not answer what came in between', async () => {
    const server = helpChannel();
    let listener: ((stored: { settings: DeskSettings; ok: boolean }) => void) | undefined;
    // Off since an hour ago, when its catch-up point was last saved; a question came half an hour ago.
    const off = { ...settings, enabled: false };
    const storage = { ...memoryStorage(now - 60 * 60_000, off), onChanged: (heard: typeof listener) => ((listener = heard), () => undefined) } as ReturnType<typeof memoryStorage>;
    server.add({ id: 'q1', message: 'VPN?', create_at: now - 30 * 60_000, update_at: now - 30 * 60_000 });
    desk(server, storage);
    await settle();
    listener?.({ ok: true, settings });
    await settle();
    expect(server.posts.has('answer1')).toBe(false);
    expect(storage.entries).toEqual([]);
  });

  it('reads the channel back by creation when the server has more changes than it lists, and answers what it finds', async () => {
    const server = helpChannel();
    server.add({ id: 'q1', message: 'VPN?', create_at: now - 10 * 60_000, update_at: now - 10 * 60_000 });
    const api = server.api;
    const request = api.request.bind(api);
    api.request = (async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      // The server's list of changes at its most: a thousand.
      if (url.includes('/posts?since=')) return { order: [], posts: Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`x${index}`, {}])) };
      return request(method, url, body);
    }) as typeof api.request;
    const storage = memoryStorage(now - 60 * 60_000);
    desk(server, storage);
    await settle();
    expect(server.posts.get('answer1')).toMatchObject({ root_id: 'q1' });
  });

  it('puts the solved emoji on the question after the asker’s 👍 on the answer, not after anyone else’s', async () => {
    const server = helpChannel();
    const storage = memoryStorage(now);
    const running = desk(server, storage);
    await settle();
    server.add({ id: 'q1', message: 'VPN?' });
    server.add({ id: 'a1', root_id: 'q1', user_id: runner, props: { [deskProp]: 'answer' } });
    running.onReactionAdded({ userId: teammate, postId: 'a1', channelId: help, emojiName: '+1' });
    await settle();
    expect(server.posts.get('q1')?.metadata.reactions).toEqual([]);
    running.onReactionAdded({ userId: asker, postId: 'a1', channelId: help, emojiName: '+1' });
    await settle();
    expect(server.posts.get('q1')?.metadata.reactions).toEqual([{ user_id: runner, emoji_name: 'white_check_mark', create_at: now + 200 }]);
    expect(storage.entries).toEqual([{ kind: 'solved-by-feedback', at: now + 1_000, questionId: 'q1', channelId: help, askerId: asker }]);
  });
});

describe('reminders from the tab', () => {
  const minute = 60_000;
  const reminding: DeskSettings = {
    ...settings,
    enabled: false,
    reminders: { enabled: true, afterMinutes: 60, atMost: 2 },
    hours: { workingDays: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' },
  };
  const remindersIn = (server: ReturnType<typeof helpChannel>) => [...server.posts.values()].filter((post) => post.props[deskProp] === 'reminder');
  /** A leading desk with reminders on, and a question asked a second after it started. */
  async function questionAsked(server: ReturnType<typeof helpChannel>) {
    const storage = memoryStorage(now, reminding);
    const clock = { at: now + 1_000 };
    const running = desk(server, storage, true, clock);
    await settle();
    server.add({ id: 'q1', message: 'Printer jammed', create_at: now + 2_000, update_at: now + 2_000 });
    running.onPosted(posted({ id: 'q1', message: 'Printer jammed', createAt: now + 2_000 }));
    return { storage, clock, running };
  }

  it('reminds the person on duty once the delay has passed without the team, again after another delay, up to the most, and costs nothing before', async () => {
    const server = helpChannel();
    const { storage, clock, running } = await questionAsked(server);
    // Not an answer: answers are off.
    await settle();
    const before = server.api.calls.length;
    clock.at = now + 59 * minute;
    running.tick();
    await settle();
    expect(server.api.calls.slice(before)).toEqual([]);

    clock.at = now + 2_000 + 60 * minute;
    running.tick();
    await settle();
    expect(remindersIn(server)).toEqual([
      expect.objectContaining({ root_id: 'q1', message: '@runner: no reply for 60 minutes', props: { [deskProp]: 'reminder', companion_desk_reminder: '1' } }),
    ]);
    expect(storage.entries).toEqual([expect.objectContaining({ kind: 'reminded', questionId: 'q1', reminderNumber: 1, onDutyId: runner })]);
    expect(storage.entries[0]?.reason).toBeUndefined();
    // Mattermost never notifies the runner of their own post: the channel is left unread from it.
    expect(server.api.calls).toContain(`POST /users/${runner}/posts/reminder1/set_unread`);

    // The same tick again, or a minute later: nothing new, and no request.
    const afterFirst = server.api.calls.length;
    running.tick();
    clock.at += minute;
    running.tick();
    await settle();
    expect(server.api.calls.slice(afterFirst)).toEqual([]);

    // Another hour on, the second.
    clock.at = now + 2_000 + 120 * minute;
    running.tick();
    await settle();
    expect(remindersIn(server).map((post) => post.props.companion_desk_reminder)).toEqual(['1', '2']);
    // The wait counts from the question, not from the first reminder.
    expect(remindersIn(server)[1]?.message).toBe('@runner: no reply for 120 minutes');
    clock.at = now + 10 * 60 * minute;
    running.tick();
    await settle();
    expect(remindersIn(server)).toHaveLength(2);
  });

  it('with collapsed threads on, a reminder for the runner leaves its thread unread from the reminder, and the channel as it was', async () => {
    const server = helpChannel(undefined, { collapsedThreads: true });
    const { clock, running } = await questionAsked(server);
    await settle();
    clock.at = now + 2_000 + 60 * minute;
    running.tick();
    await settle();
    expect(remindersIn(server)).toHaveLength(1);
    expect(server.api.calls).toContain(`POST /users/${runner}/teams/team1/threads/q1/set_unread/reminder1`);
    expect(server.api.calls.filter((call) => call.endsWith('/set_unread'))).toEqual([]);
  });

  it('sends none once a team member marked the question solved', async () => {
    const server = helpChannel();
    const clock = { at: now + 1_000 };
    const running = desk(server, memoryStorage(now, reminding), true, clock);
    await settle();
    server.add({ id: 'q1', message: 'Printer jammed', create_at: now + 2_000, update_at: now + 2_000 });
    running.onPosted(posted({ id: 'q1', message: 'Printer jammed', createAt: now + 2_000 }));
    server.posts.get('q1')?.metadata.reactions.push({ user_id: teammate, emoji_name: 'white_check_mark', create_at: now + 3_000 });
    clock.at = now + 2 * 60 * minute;
    running.tick();
    await settle();
    expect(remindersIn(server)).toEqual([]);
  });

  it('finds the open questions of the last days when it takes the lead, and reminds where one is due', async () => {
    const server = helpChannel();
    server.add({ id: 'q1', message: 'Printer jammed', create_at: now - 3 * 60 * minute, update_at: now - 3 * 60 * minute });
    server.add({ id: 'q2', message: 'Wiki down', create_at: now - 3 * 60 * minute, update_at: now - 3 * 60 * minute });
    server.add({ id: 't2', root_id: 'q2', user_id: teammate, message: 'Looking', create_at: now - 30 * minute, update_at: now - 30 * minute });
    const running = desk(server, memoryStorage(now, reminding));
    await settle();
    await settle();
    running.tick();
    await settle();
    expect(remindersIn(server).map((post) => post.root_id)).toEqual(['q1']);
  });
});

describe('welcome messages from the tab', () => {
  const welcoming = (delivery: 'ephemeral' | 'direct-message'): DeskSettings => ({
    ...settings,
    enabled: false,
    welcome: { enabled: true, message: 'Welcome! One thread per question.', delivery },
  });
  const joined = (id: string, userId: string) => posted({ id, userId, message: `${userId} joined the channel.`, props: {} });
  const join = (id: string, userId: string) => {
    const event = joined(id, userId);
    return { ...event, post: { ...event.post, type: 'system_join_channel' } };
  };

  it('welcomes someone who joins with a message only they see, once, and never the team', async () => {
    const server = helpChannel();
    const storage = memoryStorage(now, welcoming('ephemeral'));
    const running = desk(server, storage);
    await settle();
    const before = server.api.calls.length;
    running.onPosted(join('j1', asker));
    running.onPosted(join('j2', teammate));
    await settle();
    // Left and joined again.
    running.onPosted(join('j3', asker));
    await settle();
    expect(server.api.calls.slice(before)).toEqual(['POST /posts/ephemeral']);
    expect(storage.entries).toEqual([{ kind: 'welcomed', at: now + 1_000, questionId: 'j1', channelId: help, askerId: asker }]);
  });

  it('welcomes by direct message, unless the conversation already holds the desk’s welcome to that channel', async () => {
    const server = helpChannel();
    const storage = memoryStorage(now, welcoming('direct-message'));
    const running = desk(server, storage);
    await settle();
    running.onPosted(join('j1', asker));
    await settle();
    const sent = [...server.posts.values()].filter((post) => post.channel_id === 'dm');
    expect(sent).toEqual([expect.objectContaining({ message: 'Welcome! One thread per question.', props: { [deskProp]: 'welcome', companion_desk_channel: help } })]);

    // Another browser, which has no memory of it: it finds the welcome in the conversation.
    const elsewhere = memoryStorage(now, welcoming('direct-message'));
    const other = desk(server, elsewhere);
    await settle();
    other.onPosted(join('j1', asker));
    await settle();
    expect([...server.posts.values()].filter((post) => post.channel_id === 'dm')).toHaveLength(1);
    expect(elsewhere.entries).toEqual([]);
  });

  it('welcomes by direct message where a message only they see is refused, and lists why', async () => {
    const server = helpChannel();
    const api = server.api;
    const request = api.request.bind(api);
    api.request = (async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      if (url.endsWith('/posts/ephemeral')) throw new MattermostApiError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
      return request(method, url, body);
    }) as typeof api.request;
    const storage = memoryStorage(now, welcoming('ephemeral'));
    const running = desk(server, storage);
    await settle();
    running.onPosted(join('j1', asker));
    await settle();
    expect([...server.posts.values()].filter((post) => post.channel_id === 'dm')).toEqual([expect.objectContaining({ message: 'Welcome! One thread per question.' })]);
    expect(storage.entries).toEqual([
      expect.objectContaining({ kind: 'welcomed', deliveredAs: 'direct-message', reason: 'HTTP 403 api.context.permissions.app_error: You do not have the appropriate permissions.' }),
    ]);
  });

  it('lists a welcome the server refused, with its reason', async () => {
    const server = helpChannel((method, path) => path === '/posts/ephemeral');
    const storage = memoryStorage(now, welcoming('ephemeral'));
    const running = desk(server, storage);
    await settle();
    running.onPosted(join('j1', asker));
    await settle();
    expect(storage.entries).toEqual([expect.objectContaining({ kind: 'failed', action: 'welcome', reason: 'HTTP 500 app.error: The server failed', askerId: asker })]);
  });
});

describe('the weekly report from the tab', () => {
  // Tuesday 2023-11-14 22:13:20 UTC is `now`; the report is due on Tuesdays at 22:00 UTC.
  const reporting: DeskSettings = { ...settings, enabled: false, weeklyReport: { enabled: true, weekday: 2, time: '22:00', channelId: 'report' } };
  const reportsIn = (server: ReturnType<typeof helpChannel>) => [...server.posts.values()].filter((post) => post.props[deskProp] === 'report');

  it('posts the week’s figures once when due, and not again on the next tick', async () => {
    const server = helpChannel();
    server.add({ id: 'q1', message: 'VPN?', create_at: now - 2 * 60 * 60_000, update_at: now - 2 * 60 * 60_000 });
    server.add({ id: 'r1', root_id: 'q1', user_id: teammate, message: 'Restart it', create_at: now - 60 * 60_000, update_at: now - 60 * 60_000 });
    const storage = memoryStorage(now, reporting, now - 24 * 60 * 60_000);
    const running = desk(server, storage);
    await settle();
    running.tick();
    await settle();
    running.tick();
    await settle();
    const reports = reportsIn(server);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ channel_id: 'report', root_id: '', props: { [deskProp]: 'report', companion_desk_week: '2023-11-14' } });
    expect(reports[0]?.message).toContain('#### Desk 2023-11-07 to 2023-11-14');
    expect(reports[0]?.message).toContain('| Questions | 1 |');
    expect(reports[0]?.message).toContain('| First response, median | 60 min |');
    expect(storage.entries).toEqual([expect.objectContaining({ kind: 'reported', reportWeek: '2023-11-07', channelId: 'report' })]);
  });

  it('sends nothing another tab or device already sent, and nothing for a week before reports were switched on', async () => {
    const server = helpChannel();
    server.add({ id: 'earlier', channel_id: 'report', user_id: teammate, props: { [deskProp]: 'report', companion_desk_week: '2023-11-14' }, create_at: now - 10 * 60_000, update_at: now - 10 * 60_000 });
    const running = desk(server, memoryStorage(now, reporting, now - 24 * 60 * 60_000));
    await settle();
    running.tick();
    await settle();
    expect(reportsIn(server)).toHaveLength(1);

    const fresh = helpChannel();
    const switchedOnNow = memoryStorage(now, reporting);
    const other = desk(fresh, switchedOnNow);
    await settle();
    other.tick();
    await settle();
    expect(reportsIn(fresh)).toEqual([]);
  });

  describe('with a Mattermost group as the team', () => {
    const withGroup: DeskSettings = { ...settings, team: { userIds: [runner], groupId: teamGroup } };

    it('takes the group’s members for the team: their question is left, anyone else’s answered, and the group read once', async () => {
      const server = helpChannel(undefined, { group: { members: [teammate], licensed: true } });
      const storage = memoryStorage(now, withGroup);
      const running = desk(server, storage);
      await settle();
      server.add({ id: 't1', user_id: teammate, message: 'VPN maintenance tonight' });
      running.onPosted(posted({ id: 't1', userId: teammate, message: 'VPN maintenance tonight' }));
      server.add({ id: 'q1', message: 'My VPN is down' });
      running.onPosted(posted({ id: 'q1', message: 'My VPN is down' }));
      await settle();
      expect([...server.posts.values()].filter((post) => post.props[deskProp] === 'answer').map((post) => post.root_id)).toEqual(['q1']);
      expect(server.api.calls.filter((call) => call.includes('/groups/'))).toEqual([`GET /groups/${teamGroup}/members?page=0&per_page=200`]);
    });

    it('does nothing while the server refuses the group and lists why; once the group can be read, it catches up', async () => {
      const server = helpChannel(undefined, { group: { members: [teammate], licensed: false } });
      const storage = memoryStorage(now, withGroup);
      const clock = { at: now + 1_000 };
      const running = desk(server, storage, true, clock);
      await settle();
      server.add({ id: 'q1', message: 'My VPN is down' });
      running.onPosted(posted({ id: 'q1', message: 'My VPN is down' }));
      running.tick();
      await settle();
      expect(server.api.calls.filter((call) => call.startsWith('POST'))).toEqual([]);
      expect(storage.entries).toEqual([
        { kind: 'failed', at: now + 1_000, action: 'team', reason: 'HTTP 501 api.license_error: License required', questionId: '', channelId: '', askerId: runner },
      ]);
      // The desk keeps its tab awake meanwhile: it is on, only waiting.
      expect(running.isOn()).toBe(true);

      server.group.licensed = true;
      clock.at = now + 62_000;
      running.tick();
      await settle();
      expect(server.posts.get('answer1')).toMatchObject({ root_id: 'q1' });
      expect(storage.entries.at(-1)).toMatchObject({ kind: 'answered', questionId: 'q1', late: true });
      // Read at last: its failure is no longer news.
      expect(storage.entries.filter((entry) => entry.kind === 'failed')).toEqual([]);
    });

    it('reads another group chosen at once, whatever the waits after failures of the one before', async () => {
      const otherGroup = 'othergroup0000000000000000';
      const server = helpChannel((method, path) => path.startsWith(`/groups/${teamGroup}/`), { group: { members: [teammate], licensed: true } });
      const storage = memoryStorage(now, withGroup);
      const clock = { at: now + 1_000 };
      const running = desk(server, storage, true, clock);
      await settle();
      // Three failures in a row: the next try would be four minutes on.
      for (const at of [now + 62_000, now + 183_000]) {
        clock.at = at;
        running.tick();
        await settle();
      }
      expect(server.api.calls.filter((call) => call.includes(`/groups/${teamGroup}/`))).toHaveLength(3);
      expect(storage.entries.at(-1)).toMatchObject({ kind: 'failed', action: 'team' });

      storage.change({ ...withGroup, team: { userIds: [runner], groupId: otherGroup } });
      await settle();
      server.add({ id: 'q1', message: 'My VPN is down' });
      running.onPosted(posted({ id: 'q1', message: 'My VPN is down' }));
      await settle();
      expect(server.posts.get('answer1')).toMatchObject({ root_id: 'q1' });
    });
  });
});

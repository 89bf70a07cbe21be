import { describe, expect, it } from 'vitest';
import type { DeskPost } from '../../shared/desk/deskPosts.ts';
import { deskProp } from '../../shared/desk/deskPosts.ts';
import { supportHistory, team } from '../../shared/desk/deskHistory.testData.ts';
import type { DeskAnalysisRequest } from '../../shared/messages.ts';
import { MattermostApiError, type MattermostApi } from '../mattermostApi.ts';
import { fakeMattermostApi, refused, type FakeAnswer } from '../supportPacket/fakeMattermostApi.ts';
import { createDeskAnalysisService } from './deskAnalysis.ts';

const mainChannelId = 'c'.repeat(26);
const otherChannelId = 'd'.repeat(26);
const channelId = mainChannelId;
const now = Date.UTC(2026, 10, 26, 9, 0);

/** A post as the server sends it. */
function serverPost(post: DeskPost) {
  return {
    id: post.id,
    user_id: post.userId,
    root_id: post.rootId,
    create_at: post.createAt,
    update_at: post.createAt,
    delete_at: 0,
    message: post.message,
    type: post.type,
    props: { ...(post.automated ? { from_bot: 'true' } : {}), ...(post.deskKind ? { [deskProp]: post.deskKind } : {}) },
    metadata: { reactions: post.reactions.map((reaction) => ({ user_id: reaction.userId, emoji_name: reaction.emojiName, create_at: reaction.createAt, post_id: post.id })) },
  };
}

type ServerPost = ReturnType<typeof serverPost>;
const page = (rows: readonly ServerPost[]) => ({ order: rows.map((row) => row.id), posts: Object.fromEntries(rows.map((row) => [row.id, row])) });
/** The server's order of a channel's posts: newest first, one millisecond's posts in an order of its own. */
const newestFirstOf = (posts: readonly DeskPost[]) => [...posts].sort((a, b) => b.createAt - a.createAt || (a.id < b.id ? 1 : -1)).map(serverPost);

/**
 * The channel as the server pages it: its count of posts; `?page=0`, then `?before=<post>` gives the 200 newest posts
 * created before that one; `?page=<n>&per_page=1` the post n places after the newest.
 */
function pagesOf(posts: readonly DeskPost[], channelId = mainChannelId): Record<string, FakeAnswer> {
  const newestFirst = newestFirstOf(posts);
  const answers: Record<string, FakeAnswer> = {
    [`GET /channels/${channelId}`]: { id: channelId, total_msg_count: newestFirst.length },
    [`GET /channels/${channelId}/posts?page=0&per_page=200&skipFetchThreads=true`]: page(newestFirst.slice(0, 200)),
  };
  newestFirst.forEach((cursor, offset) => {
    answers[`GET /channels/${channelId}/posts?before=${cursor.id}&per_page=200&skipFetchThreads=true`] = () =>
      page(newestFirst.filter((post) => post.create_at < cursor.create_at).slice(0, 200));
    answers[`GET /channels/${channelId}/posts?page=${offset}&per_page=1&skipFetchThreads=true`] = page([cursor]);
  });
  return answers;
}

/** Changes are asked for from a minute before the last reading began. */
const sinceCall = (readAt: number, channelId = mainChannelId) => `GET /channels/${channelId}/posts?since=${readAt - 60_000}&skipFetchThreads=true`;

const pageCalls = (calls: readonly string[]) => calls.filter((call) => call.includes('per_page=200'));

/** Many more questions from someone outside the team, none answered, so the history spans several batches of pages. */
const filler: DeskPost[] = Array.from({ length: 1_150 }, (_, index) => ({
  id: `f${index}`,
  userId: 'zoe',
  rootId: '',
  createAt: Date.UTC(2026, 10, 1) + index * 60_000,
  message: 'Where is the coffee',
  type: '',
  automated: false,
  deskKind: undefined,
  reactions: [],
}));

const request: DeskAnalysisRequest = {
  requestId: 'r1',
  channelIds: [channelId],
  memberIds: [...team.memberIds],
  groupId: null,
  solvedEmoji: team.solvedEmoji,
  timeZone: 'UTC',
  onDuty: { kind: 'desk-runner' },
  from: Date.UTC(2026, 10, 23),
  to: now,
};

describe('desk analysis in the tab', () => {
  it('reads the channel page by page, each the one before the oldest post read, back to the start of the span, and gives its figures with progress', async () => {
    const api = fakeMattermostApi(pagesOf([...filler, ...supportHistory]));
    const progress: number[] = [];
    const result = await createDeskAnalysisService(api, () => now).analyse(request, (step) => progress.push(step.postsRead));
    expect(result.analytics).toMatchObject({ questions: 4, solved: 2, solvedByFeedback: 1 });
    expect(result.incremental).toBe(false);
    // Everything from the 23rd on, and not a page further back than needed.
    expect(result.postsRead).toBe(supportHistory.length);
    expect(pageCalls(api.calls)).toEqual([`GET /channels/${channelId}/posts?page=0&per_page=200&skipFetchThreads=true`]);
    expect(progress.at(-1)).toBe(supportHistory.length);
  });

  it('goes on to the page before while pages are full', async () => {
    const api = fakeMattermostApi(pagesOf([...filler, ...supportHistory]));
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, from: 0 }, () => undefined);
    expect(result.postsRead).toBe(filler.length + supportHistory.length);
    // 1,164 posts: five full pages and one of 164.
    expect(pageCalls(api.calls)).toHaveLength(6);
    expect(result.analytics.questions).toBe(4 + filler.length);
  });

  it('asked again, reads only what changed since: a solved emoji added meanwhile counts', async () => {
    const q7 = supportHistory.find((post) => post.id === 'q7');
    const solvedQ7 = { ...serverPost(q7 as DeskPost), metadata: { reactions: [{ user_id: 'tom', emoji_name: team.solvedEmoji, create_at: now - 1_000 }] } };
    let clock = now;
    const api = fakeMattermostApi({
      ...pagesOf(supportHistory),
      [sinceCall(now)]: { order: [], posts: { q7: solvedQ7 } },
    });
    const service = createDeskAnalysisService(api, () => clock);
    expect((await service.analyse(request, () => undefined)).analytics.solved).toBe(2);
    clock = now + 60_000;
    const again = await service.analyse(request, () => undefined);
    expect(again).toMatchObject({ incremental: true, postsRead: 1, analytics: { solved: 3 } });
    expect(api.calls.at(-1)).toBe(sinceCall(now));
  });

  it('forgets a question deleted since the last reading', async () => {
    const q3 = supportHistory.find((post) => post.id === 'q3');
    let clock = now;
    const api = fakeMattermostApi({
      ...pagesOf(supportHistory),
      [sinceCall(now)]: { order: [], posts: { q3: { ...serverPost(q3 as DeskPost), delete_at: now + 1 } } },
    });
    const service = createDeskAnalysisService(api, () => clock);
    expect((await service.analyse(request, () => undefined)).analytics.questions).toBe(4);
    clock = now + 60_000;
    const again = await service.analyse(request, () => undefined);
    expect(again.analytics).toMatchObject({ questions: 3, openCount: 1 });
  });

  it('reads posts of the same millisecond on both sides of a page boundary, and counts them once', async () => {
    // 250 questions, the 150 oldest all in one millisecond: the first page ends inside it.
    const sameMillisecond: DeskPost[] = Array.from({ length: 250 }, (_, index) => ({
      ...filler[0],
      id: `s${String(index).padStart(3, '0')}`,
      createAt: index < 150 ? Date.UTC(2026, 10, 24) : Date.UTC(2026, 10, 24) + index,
    })) as DeskPost[];
    const newestFirst = newestFirstOf(sameMillisecond);
    // The server's before= is strict on the time: the page before the newest post of that millisecond's cut holds all 150.
    const lastLater = newestFirst[99];
    const api = fakeMattermostApi({
      [`GET /channels/${channelId}`]: { id: channelId, total_msg_count: 250 },
      [`GET /channels/${channelId}/posts?page=0&per_page=200&skipFetchThreads=true`]: page(newestFirst.slice(0, 200)),
      [`GET /channels/${channelId}/posts?before=${lastLater?.id}&per_page=200&skipFetchThreads=true`]: page(newestFirst.slice(100)),
    });
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, from: Date.UTC(2026, 10, 1) }, () => undefined);
    expect(result).toMatchObject({ postsRead: 250, analytics: { questions: 250 } });
  });

  it('reads a bigger channel in three parts at once, cut inside a millisecond at posts found by their offset, each post counted once', async () => {
    // 3,000 questions, each of its own millisecond but for two runs of 101 posts around the cuts (1,000 and 2,000
    // places after the newest), so the part above a cut reads past the end of a page to finish that millisecond.
    const millisecondOf = (index: number) => (index >= 950 && index <= 1_050 ? 950 : index >= 1_949 && index <= 2_049 ? 1_949 : index);
    const posts: DeskPost[] = Array.from({ length: 3_000 }, (_, index) => ({
      ...(filler[0] as DeskPost),
      id: `b${String(index).padStart(4, '0')}`,
      createAt: Date.UTC(2026, 10, 2) + millisecondOf(index),
    }));
    const fake = fakeMattermostApi(pagesOf(posts));
    let inFlight = 0;
    let mostInFlight = 0;
    const api: MattermostApi = {
      ...fake,
      async request<T>(...args: Parameters<MattermostApi['request']>): Promise<T> {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return await fake.request<T>(...args);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const progress: number[] = [];
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, from: Date.UTC(2026, 10, 1) }, (step) => progress.push(step.postsRead));
    expect(result).toMatchObject({ postsRead: 3_000, analytics: { questions: 3_000 } });
    expect(progress.at(-1)).toBe(3_000);
    expect(fake.calls.filter((call) => call.includes('&per_page=1&'))).toEqual([
      `GET /channels/${channelId}/posts?page=1000&per_page=1&skipFetchThreads=true`,
      `GET /channels/${channelId}/posts?page=2000&per_page=1&skipFetchThreads=true`,
    ]);
    expect(mostInFlight).toBe(3);
    // Fifteen pages hold the channel; each part's last one reaches into the next part.
    expect(pageCalls(fake.calls).length).toBeLessThanOrEqual(18);
  });

  it('a failing part stops the others and fails the reading', async () => {
    const posts: DeskPost[] = Array.from({ length: 3_000 }, (_, index) => ({ ...(filler[0] as DeskPost), id: `b${index}`, createAt: Date.UTC(2026, 10, 2) + index }));
    const answers = pagesOf(posts);
    const newestFirst = newestFirstOf(posts);
    // The page below the second cut's first page fails.
    const failing = `GET /channels/${channelId}/posts?before=${newestFirst[2_199]?.id}&per_page=200&skipFetchThreads=true`;
    answers[failing] = refused(500, 'boom');
    const api = fakeMattermostApi(answers);
    await expect(createDeskAnalysisService(api, () => now).analyse({ ...request, from: Date.UTC(2026, 10, 1) }, () => undefined)).rejects.toThrow('boom');
    // The other parts ask for no page once it failed (one already asked for at that moment may still come back).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const failedAt = api.calls.indexOf(failing);
    expect(failedAt).toBeGreaterThan(0);
    expect(pageCalls(api.calls.slice(failedAt + 1)).length).toBeLessThanOrEqual(2);
  });

  it('reads a recent span of a big channel in one part, asking for no cut', async () => {
    // 3,000 questions a minute apart; the last 500 minutes asked for.
    const posts: DeskPost[] = Array.from({ length: 3_000 }, (_, index) => ({ ...(filler[0] as DeskPost), id: `m${index}`, createAt: Date.UTC(2026, 9, 1) + index * 60_000 }));
    const newestAt = Date.UTC(2026, 9, 1) + 2_999 * 60_000;
    const api = fakeMattermostApi(pagesOf(posts));
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, from: newestAt - 499 * 60_000 }, () => undefined);
    expect(result.postsRead).toBe(500);
    expect(api.calls.filter((call) => call.includes('&per_page=1&'))).toEqual([]);
    expect(pageCalls(api.calls)).toHaveLength(3);
  });

  it('goes on past a page the server gave short above a cut, where posts are known to follow', async () => {
    const posts: DeskPost[] = Array.from({ length: 3_000 }, (_, index) => ({ ...(filler[0] as DeskPost), id: `b${index}`, createAt: Date.UTC(2026, 10, 2) + index }));
    const answers = pagesOf(posts);
    const newestFirst = newestFirstOf(posts);
    // The first part's second page comes back with its 50 oldest posts left out.
    const shortened = `GET /channels/${channelId}/posts?before=${newestFirst[198]?.id}&per_page=200&skipFetchThreads=true`;
    answers[shortened] = page(newestFirst.slice(199, 349));
    const api = fakeMattermostApi(answers);
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, from: Date.UTC(2026, 10, 1) }, () => undefined);
    expect(api.calls).toContain(shortened);
    expect(result.postsRead).toBe(3_000);
  });

  it('reads the channel again whole when the server lists as many changes as it ever does', async () => {
    const many = Object.fromEntries(filler.slice(0, 1_000).map((post) => [post.id, serverPost(post)]));
    let clock = now;
    const api = fakeMattermostApi({ ...pagesOf(supportHistory), [sinceCall(now)]: { order: [], posts: many } });
    const service = createDeskAnalysisService(api, () => clock);
    await service.analyse(request, () => undefined);
    clock = now + 60_000;
    const again = await service.analyse(request, () => undefined);
    expect(again.incremental).toBe(false);
    expect(api.calls.filter((call) => call.includes('?page=0&'))).toHaveLength(2);
  });

  it('counts the questions of every support channel together, reads each channel once, and asked again reads only what changed in each', async () => {
    const otherQuestions: DeskPost[] = [0, 1, 2].map((index) => ({ ...(filler[0] as DeskPost), id: `o${index}`, createAt: Date.UTC(2026, 10, 24) + index * 60_000 }));
    let clock = now;
    const api = fakeMattermostApi({
      ...pagesOf(supportHistory),
      ...pagesOf(otherQuestions, otherChannelId),
      [sinceCall(now)]: { order: [], posts: {} },
      [sinceCall(now, otherChannelId)]: { order: [], posts: {} },
    });
    const service = createDeskAnalysisService(api, () => clock);
    const progress: number[] = [];
    const both = await service.analyse({ ...request, channelIds: [mainChannelId, otherChannelId] }, (step) => progress.push(step.postsRead));
    expect(both).toMatchObject({ postsRead: supportHistory.length + 3, incremental: false, analytics: { questions: 4 + 3, solved: 2 } });
    expect(pageCalls(api.calls)).toEqual([
      `GET /channels/${mainChannelId}/posts?page=0&per_page=200&skipFetchThreads=true`,
      `GET /channels/${otherChannelId}/posts?page=0&per_page=200&skipFetchThreads=true`,
    ]);
    // Progress runs on across channels, never back.
    expect(progress.at(-1)).toBe(supportHistory.length + 3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    clock = now + 60_000;
    const onlyOther = await service.analyse({ ...request, channelIds: [otherChannelId] }, () => undefined);
    expect(onlyOther).toMatchObject({ incremental: true, postsRead: 0, analytics: { questions: 3, solved: 0 } });
    expect(api.calls.at(-1)).toBe(sinceCall(now, otherChannelId));
  });

  it('counts the members of the team’s group, read when the analysis starts, as the team', async () => {
    const groupId = 'g'.repeat(26);
    const membersCall = `GET /groups/${groupId}/members?page=0&per_page=200`;
    const [first, ...others] = [...team.memberIds];
    const api = fakeMattermostApi({ ...pagesOf(supportHistory), [membersCall]: { members: others.map((id) => ({ id })), total_member_count: others.length } });
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, memberIds: [first ?? ''], groupId }, () => undefined);
    // The same figures as with every member listed by name.
    expect(result.analytics).toMatchObject({ questions: 4, solved: 2, solvedByFeedback: 1 });
    expect(api.calls[0]).toBe(membersCall);
  });

  it('says in plain words that groups need a licensed server when the server refuses them', async () => {
    const groupId = 'g'.repeat(26);
    const api = fakeMattermostApi({
      ...pagesOf(supportHistory),
      [`GET /groups/${groupId}/members?page=0&per_page=200`]: new MattermostApiError(501, 'api.license_error', 'License required'),
    });
    await expect(createDeskAnalysisService(api, () => now).analyse({ ...request, groupId }, () => undefined)).rejects.toMatchObject({ messageKey: 'deskGroupsNeedLicence' });
  });

  it('reads a channel once when two pages ask at the same time: the second waits and reads only what changed', async () => {
    const api = fakeMattermostApi({ ...pagesOf(supportHistory), [sinceCall(now)]: { order: [], posts: {} } });
    const service = createDeskAnalysisService(api, () => now);
    const [first, second] = await Promise.all([service.analyse(request, () => undefined), service.analyse(request, () => undefined)]);
    expect(first).toMatchObject({ incremental: false, analytics: { questions: 4 } });
    expect(second).toMatchObject({ incremental: true, analytics: { questions: 4 } });
    expect(api.calls.filter((call) => call.includes('?page=0&'))).toHaveLength(1);
  });
});

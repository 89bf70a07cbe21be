import { describe, expect, it } from 'vitest';
import type { DeskPost } from '../../shared/desk/deskPosts.ts';
import { deskProp } from '../../shared/desk/deskPosts.ts';
import { supportHistory, team } from '../../shared/desk/deskHistory.testData.ts';
import type { DeskAnalysisRequest } from '../../shared/messages.ts';
import { fakeMattermostApi, type FakeAnswer } from '../supportPacket/fakeMattermostApi.ts';
import { createDeskAnalysisService } from './deskAnalysis.ts';

const channelId = 'c'.repeat(26);
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

/** The channel as the server pages it: `?page=0`, then `?before=<post>` gives the 200 newest posts created before that one. */
function pagesOf(posts: readonly DeskPost[]): Record<string, FakeAnswer> {
  const newestFirst = [...posts].sort((a, b) => b.createAt - a.createAt).map(serverPost);
  const page = (rows: typeof newestFirst) => ({ order: rows.map((row) => row.id), posts: Object.fromEntries(rows.map((row) => [row.id, row])) });
  const answers: Record<string, FakeAnswer> = {
    [`GET /channels/${channelId}/posts?page=0&per_page=200&skipFetchThreads=true`]: page(newestFirst.slice(0, 200)),
  };
  for (const cursor of newestFirst) {
    answers[`GET /channels/${channelId}/posts?before=${cursor.id}&per_page=200&skipFetchThreads=true`] = () =>
      page(newestFirst.filter((post) => post.create_at < cursor.create_at).slice(0, 200));
  }
  return answers;
}

/** Changes are asked for from a minute before the last reading began. */
const sinceCall = (readAt: number) => `GET /channels/${channelId}/posts?since=${readAt - 60_000}&skipFetchThreads=true`;

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
  channelId,
  memberIds: [...team.memberIds],
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
    const newestFirst = [...sameMillisecond].sort((a, b) => b.createAt - a.createAt || (a.id < b.id ? 1 : -1)).map(serverPost);
    const page = (rows: typeof newestFirst) => ({ order: rows.map((row) => row.id), posts: Object.fromEntries(rows.map((row) => [row.id, row])) });
    // The server's before= is strict on the time: the page before the newest post of that millisecond's cut holds all 150.
    const lastLater = newestFirst[99];
    const api = fakeMattermostApi({
      [`GET /channels/${channelId}/posts?page=0&per_page=200&skipFetchThreads=true`]: page(newestFirst.slice(0, 200)),
      [`GET /channels/${channelId}/posts?before=${lastLater?.id}&per_page=200&skipFetchThreads=true`]: page(newestFirst.slice(100)),
    });
    const result = await createDeskAnalysisService(api, () => now).analyse({ ...request, from: Date.UTC(2026, 10, 1) }, () => undefined);
    expect(result).toMatchObject({ postsRead: 250, analytics: { questions: 250 } });
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
});

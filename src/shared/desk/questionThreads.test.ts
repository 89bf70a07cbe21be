import { describe, expect, it } from 'vitest';
import { deskPostOf, deskProp } from './deskPosts.ts';
import { minute, monday9, questionTimes, supportHistory, team } from './deskHistory.testData.ts';
import { foldDeskPosts, solvedByFeedback, type QuestionThread, type QuestionThreads } from './questionThreads.ts';

const fold = (posts = supportHistory): QuestionThreads => foldDeskPosts(new Map(), posts, team);

function threadOf(threads: QuestionThreads, rootId: string): QuestionThread {
  const thread = threads.get(rootId);
  if (!thread) throw new Error(`no thread ${rootId}`);
  return thread;
}

describe('question threads', () => {
  it('takes a root post by someone outside the team as a question, and nothing else', () => {
    const questions = [...fold().values()].filter((thread) => thread.question).map((thread) => thread.rootId);
    expect(questions).toEqual(['q1', 'q2', 'q3', 'q7']);
    expect(fold().get('t4')?.question).toBeNull();
    expect(fold().get('s5')?.question).toBeNull();
    expect(fold().get('b6')?.question).toBeNull();
    expect(fold().get('w8')?.question).toBeNull();
  });

  it('records the team’s first reply, the solved emoji from a team member, the automatic answer and reminders', () => {
    const threads = fold();
    expect(threads.get('q1')).toMatchObject({ firstTeamReplyAt: monday9 + 10 * minute, solvedAt: monday9 + 60 * minute });
    expect(threads.get('q2')).toMatchObject({ firstTeamReplyAt: undefined, automaticAnswer: { id: 'a2' } });
    expect(threads.get('q7')).toMatchObject({ firstTeamReplyAt: undefined, solvedAt: undefined });
    expect([...(threads.get('q7')?.reminders.keys() ?? [])]).toEqual(['m7']);
  });

  it('tells a question solved by the asker’s 👍 from one solved by the team', () => {
    const threads = fold();
    expect(solvedByFeedback(threadOf(threads, 'q2'))).toBe(true);
    expect(solvedByFeedback(threadOf(threads, 'q1'))).toBe(false);
  });

  it('comes to the same threads in any order and when posts come again', () => {
    const once = fold();
    const newestFirst = fold([...supportHistory].reverse());
    const twice = foldDeskPosts(fold(), supportHistory, team);
    expect(newestFirst).toEqual(once);
    expect(twice).toEqual(once);
  });

  it('reopens a question whose solved emoji was taken back', () => {
    const threads = fold();
    const q1 = supportHistory.filter((post) => post.id === 'q1').map((post) => ({ ...post, reactions: [] }));
    foldDeskPosts(threads, q1, team);
    expect(threads.get('q1')?.solvedAt).toBeUndefined();
    expect(threads.get('q1')?.question?.createAt).toBe(questionTimes.q1);
  });

  it('reads a post as the server sends it, reactions and the desk’s mark included', () => {
    expect(
      deskPostOf({
        id: 'p',
        user_id: 'u',
        root_id: 'r',
        create_at: 5,
        message: 'm',
        type: '',
        props: { [deskProp]: 'answer', from_bot: 'true' },
        metadata: { reactions: [{ user_id: 'v', emoji_name: '+1', create_at: 6 }, { user_id: 7 }] },
      }),
    ).toEqual({
      id: 'p',
      userId: 'u',
      rootId: 'r',
      createAt: 5,
      message: 'm',
      type: '',
      automated: true,
      deskKind: 'answer',
      reactions: [{ userId: 'v', emojiName: '+1', createAt: 6 }],
    });
    expect(deskPostOf({ id: 'p', user_id: 'u', create_at: 5, props: { [deskProp]: 'other' } }).deskKind).toBeUndefined();
  });
});

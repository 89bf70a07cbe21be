import { describe, expect, it } from 'vitest';
import { decideAnswer, decideFeedback, laterAnswersOf, threadVerdict } from './deskAnswers.ts';
import type { DeskPost } from './deskPosts.ts';
import { defaultDeskSettings, type DeskSettings } from './deskSettings.ts';

const help = 'helpchannel000000000000000';
const runner = 'runner00000000000000000000';
const teammate = 'teammate000000000000000000';
const asker = 'asker000000000000000000000';
const feedback = 'React with :+1: if this solved it.';

const settings: DeskSettings = {
  ...defaultDeskSettings,
  enabled: true,
  channelIds: [help],
  team: { userIds: [runner, teammate], groupId: null },
  answers: {
    rules: [
      { kind: 'keyword', match: 'vpn', reply: 'Restart the VPN client.' },
      { kind: 'pattern', match: 'pass(word)?\\s+reset', reply: 'Use the self-service page.' },
    ],
    askForFeedback: true,
  },
};

function post(overrides: Partial<DeskPost> = {}): DeskPost {
  return { id: 'q1', userId: asker, rootId: '', createAt: 1_000, message: 'My VPN is down', type: '', automated: false, deskKind: undefined, reactions: [], ...overrides };
}

describe('which posts the desk answers', () => {
  it('answers a question from outside the team with the first matching rule and the feedback request', () => {
    expect(decideAnswer(post(), help, settings, runner, feedback)).toEqual({ kind: 'answer', message: `Restart the VPN client.\n\n${feedback}`, ruleNumber: 1 });
    expect(decideAnswer(post({ message: 'password  reset please, and VPN' }), help, settings, runner, feedback)).toMatchObject({ ruleNumber: 1 });
    expect(decideAnswer(post({ message: 'Password reset please' }), help, settings, runner, feedback)).toMatchObject({ ruleNumber: 2 });
  });

  it('leaves out the feedback request when feedback is off', () => {
    const quiet = { ...settings, answers: { ...settings.answers, askForFeedback: false } };
    expect(decideAnswer(post(), help, quiet, runner, feedback)).toMatchObject({ message: 'Restart the VPN client.' });
  });

  it('never answers the team, the runner, bots, system messages, the desk, replies in threads or other channels', () => {
    const reason = (candidate: DeskPost, channelId = help, chosen = settings) => {
      const decision = decideAnswer(candidate, channelId, chosen, runner, feedback);
      return decision.kind === 'leave' ? decision.reason : decision.kind;
    };
    expect(reason(post({ userId: teammate }))).toBe('by-the-team');
    expect(reason(post({ userId: runner }))).toBe('by-the-team');
    expect(reason(post({ automated: true }))).toBe('not-a-question');
    expect(reason(post({ type: 'system_join_channel' }))).toBe('not-a-question');
    expect(reason(post({ deskKind: 'answer' }))).toBe('not-a-question');
    expect(reason(post({ rootId: 'q0' }))).toBe('not-a-question');
    expect(reason(post(), 'elsewhere00000000000000000')).toBe('not-support-channel');
    expect(reason(post({ message: 'The printer is jammed' }))).toBe('no-rule-matches');
    expect(reason(post(), help, { ...settings, enabled: false })).toBe('desk-off');
  });
});

describe('what the thread already holds', () => {
  const question = post();
  const answer = post({ id: 'a1', userId: runner, rootId: 'q1', createAt: 2_000, deskKind: 'answer' });
  it('answers once, never after the team, never a deleted question', () => {
    const team = new Set([runner, teammate]);
    expect(threadVerdict([question], 'q1', team)).toBe('answer');
    expect(threadVerdict([question, post({ id: 'r1', rootId: 'q1', userId: asker, message: 'anyone?' })], 'q1', team)).toBe('answer');
    expect(threadVerdict([question, answer], 'q1', team)).toBe('already-answered');
    expect(threadVerdict([question, post({ id: 'r1', rootId: 'q1', userId: teammate })], 'q1', team)).toBe('team-replied');
    expect(threadVerdict([], 'q1', team)).toBe('question-gone');
  });

  it('keeps the earliest of two answers: the runner deletes only its own later ones', () => {
    const twin = { ...answer, id: 'a2', createAt: 2_500 };
    const sameMoment = { ...answer, id: 'a0' };
    expect(laterAnswersOf([question, answer, twin], 'q1', runner)).toEqual(['a2']);
    expect(laterAnswersOf([question, answer, sameMoment], 'q1', runner)).toEqual(['a1']);
    expect(laterAnswersOf([question, answer, { ...twin, userId: teammate }], 'q1', runner)).toEqual([]);
    expect(laterAnswersOf([question, { ...answer, userId: teammate }, twin], 'q1', runner)).toEqual(['a2']);
  });
});

describe('a 👍 on the answer', () => {
  const question = post();
  const answer = post({ id: 'a1', userId: runner, rootId: 'q1', createAt: 2_000, deskKind: 'answer' });
  it('solves the question when it is the asker’s, not anyone else’s, and not twice', () => {
    expect(decideFeedback({ userId: asker, emojiName: '+1' }, answer, question, settings, runner)).toEqual({ kind: 'solve', questionId: 'q1' });
    expect(decideFeedback({ userId: asker, emojiName: 'thumbsup' }, answer, question, settings, runner)).toMatchObject({ kind: 'solve' });
    expect(decideFeedback({ userId: teammate, emojiName: '+1' }, answer, question, settings, runner)).toMatchObject({ reason: 'not-the-asker' });
    expect(decideFeedback({ userId: asker, emojiName: 'heart' }, answer, question, settings, runner)).toMatchObject({ reason: 'not-feedback' });
    expect(decideFeedback({ userId: asker, emojiName: '+1' }, { ...answer, deskKind: undefined }, question, settings, runner)).toMatchObject({ reason: 'not-feedback' });
    const solved = { ...question, reactions: [{ userId: teammate, emojiName: 'white_check_mark', createAt: 3_000 }] };
    expect(decideFeedback({ userId: asker, emojiName: '+1' }, answer, solved, settings, runner)).toMatchObject({ reason: 'already-solved' });
    // The asker's own ✅ does not count as solved.
    const selfSolved = { ...question, reactions: [{ userId: asker, emojiName: 'white_check_mark', createAt: 3_000 }] };
    expect(decideFeedback({ userId: asker, emojiName: '+1' }, answer, selfSolved, settings, runner)).toMatchObject({ kind: 'solve' });
    expect(decideFeedback({ userId: asker, emojiName: '+1' }, answer, question, { ...settings, enabled: false }, runner)).toMatchObject({ reason: 'desk-off' });
  });
});

import { describe, expect, it } from 'vitest';
import { classifyMessage, countOutcomes, statesWhyUnanswered, type FoundAutoReply, type ListedActivity } from './messageOutcome.ts';

const message = { postId: 'm1' };
const replyTo = (answers: string, rootId = answers): FoundAutoReply => ({ answers, rootId });

describe('classifyMessage', () => {
  it('counts a message with one auto-reply in its thread as answered once', () => {
    expect(classifyMessage(message, [replyTo('m1'), replyTo('m2')], [])).toMatchObject({ outcome: 'answered once', replies: 1, outsideThread: 0 });
  });

  it('counts every auto-reply to the same message, so a second one is a duplicate', () => {
    expect(classifyMessage(message, [replyTo('m1'), replyTo('m1')], [])).toMatchObject({ outcome: 'answered more than once', replies: 2 });
  });

  it('notes a reply posted outside the message’s thread', () => {
    expect(classifyMessage(message, [replyTo('m1', 'elsewhere')], [])).toMatchObject({ outcome: 'answered once', outsideThread: 1 });
  });

  it('accepts a message without a reply when the activity lists its failure with the reason', () => {
    const activity: ListedActivity[] = [{ kind: 'failed', postId: 'm1', reason: 'HTTP 503: Service Unavailable' }];
    expect(classifyMessage(message, [], activity).outcome).toBe('listed with a reason');
  });

  it('accepts a message listed as missed while offline', () => {
    expect(classifyMessage(message, [], [{ kind: 'missed', postId: 'm1' }]).outcome).toBe('listed with a reason');
  });

  it('calls a message silently lost when it has no reply and no entry that says why', () => {
    expect(classifyMessage(message, [replyTo('m2')], [{ kind: 'failed', postId: 'm1', reason: ' ' }]).outcome).toBe('silently lost');
    expect(classifyMessage(message, [], [{ kind: 'replied', postId: 'm1' }]).outcome).toBe('silently lost');
    expect(classifyMessage(message, [], [{ kind: 'failed', postId: 'm2', reason: 'HTTP 500' }]).outcome).toBe('silently lost');
  });

  it('flags a message that was answered although the activity lists it as failed', () => {
    const verdict = classifyMessage(message, [replyTo('m1')], [{ kind: 'failed', postId: 'm1', reason: 'HTTP 502' }]);
    expect(verdict).toMatchObject({ outcome: 'answered once', answeredButListedFailed: true });
  });
});

describe('statesWhyUnanswered', () => {
  it('takes failures with a reason and missed messages, nothing else', () => {
    expect(statesWhyUnanswered({ kind: 'failed', postId: 'm', reason: 'No answer from the server' })).toBe(true);
    expect(statesWhyUnanswered({ kind: 'failed', postId: 'm' })).toBe(false);
    expect(statesWhyUnanswered({ kind: 'missed', postId: 'm' })).toBe(true);
    expect(statesWhyUnanswered({ kind: 'replied', postId: 'm', reason: 'late' })).toBe(false);
  });
});

describe('countOutcomes', () => {
  it('adds up the outcomes, extra replies and replies outside their thread', () => {
    const verdicts = [
      classifyMessage({ postId: 'a' }, [replyTo('a')], []),
      classifyMessage({ postId: 'b' }, [replyTo('b'), replyTo('b'), replyTo('b', 'x')], []),
      classifyMessage({ postId: 'c' }, [], [{ kind: 'failed', postId: 'c', reason: 'HTTP 429' }]),
      classifyMessage({ postId: 'd' }, [], []),
    ];
    expect(countOutcomes(verdicts)).toEqual({
      messages: 4,
      answeredOnce: 1,
      listedWithReason: 1,
      silentlyLost: 1,
      duplicated: 1,
      extraReplies: 2,
      repliesOutsideThread: 1,
      answeredButListedFailed: 0,
    });
  });
});

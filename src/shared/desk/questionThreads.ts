import type { DeskPost } from './deskPosts.ts';
import { topicsOf, type QuestionTopics } from './questionWords.ts';

/**
 * The support channel folded into one record per thread: who asked, when the
 * team first answered, when it was solved, what the desk posted in it. Posts
 * may come in any order and more than once (pages newest first, the socket,
 * a later refresh), so folding is idempotent and a reply may arrive before
 * its question.
 */

export interface DeskTeam {
  readonly memberIds: ReadonlySet<string>;
  /** Emoji name without colons, e.g. "white_check_mark". */
  readonly solvedEmoji: string;
}

export interface Question {
  readonly askerId: string;
  readonly createAt: number;
  readonly message: string;
  readonly topics: QuestionTopics;
}

export interface QuestionThread {
  readonly rootId: string;
  /** Undefined until the root post is seen; null when the root is no question (a team member's, a bot's, the desk's). */
  question: Question | null | undefined;
  firstTeamReplyAt: number | undefined;
  lastTeamReplyAt: number | undefined;
  solvedAt: number | undefined;
  /** The desk's automatic answer, with the 👍 it got and from whom. */
  automaticAnswer: { readonly id: string; readonly createAt: number; thumbsUp: ReadonlyArray<{ userId: string; at: number }> } | undefined;
  /** The desk's reminders in the thread, by post id. */
  readonly reminders: Map<string, number>;
}

export const thumbsUpEmoji = new Set(['+1', 'thumbsup']);

export type QuestionThreads = Map<string, QuestionThread>;

function threadFor(threads: QuestionThreads, rootId: string): QuestionThread {
  let thread = threads.get(rootId);
  if (!thread) {
    thread = {
      rootId,
      question: undefined,
      firstTeamReplyAt: undefined,
      lastTeamReplyAt: undefined,
      solvedAt: undefined,
      automaticAnswer: undefined,
      reminders: new Map(),
    };
    threads.set(rootId, thread);
  }
  return thread;
}

/** A post by a person, not a system message, a bot or the desk. */
function byPerson(post: DeskPost): boolean {
  return post.type === '' && !post.automated && post.deskKind === undefined;
}

export function foldDeskPosts(threads: QuestionThreads, posts: Iterable<DeskPost>, team: DeskTeam): QuestionThreads {
  for (const post of posts) {
    if (post.rootId === '') {
      const thread = threadFor(threads, post.id);
      const asksAQuestion = byPerson(post) && !team.memberIds.has(post.userId);
      const known = thread.question;
      thread.question = !asksAQuestion
        ? null
        : known && known.message === post.message
          ? known
          : { askerId: post.userId, createAt: post.createAt, message: post.message, topics: topicsOf(post.message) };
      // The root's reactions as they are now: a solved emoji taken back makes the question open again.
      const solved = post.reactions.filter((reaction) => reaction.emojiName === team.solvedEmoji && team.memberIds.has(reaction.userId));
      thread.solvedAt = solved.length > 0 ? Math.min(...solved.map((reaction) => reaction.createAt)) : undefined;
      continue;
    }
    const thread = threadFor(threads, post.rootId);
    if (post.deskKind === 'answer') {
      thread.automaticAnswer = {
        id: post.id,
        createAt: post.createAt,
        thumbsUp: post.reactions.filter((reaction) => thumbsUpEmoji.has(reaction.emojiName)).map((reaction) => ({ userId: reaction.userId, at: reaction.createAt })),
      };
    } else if (post.deskKind === 'reminder') {
      thread.reminders.set(post.id, post.createAt);
    } else if (byPerson(post) && team.memberIds.has(post.userId)) {
      thread.firstTeamReplyAt = Math.min(thread.firstTeamReplyAt ?? Infinity, post.createAt);
      thread.lastTeamReplyAt = Math.max(thread.lastTeamReplyAt ?? -Infinity, post.createAt);
    }
  }
  return threads;
}

/** Solved after the asker's 👍 on the automatic answer, before any team member replied. */
export function solvedByFeedback(thread: QuestionThread): boolean {
  const { question, automaticAnswer, solvedAt } = thread;
  if (!question || !automaticAnswer || solvedAt === undefined) return false;
  const approval = automaticAnswer.thumbsUp.find((reaction) => reaction.userId === question.askerId);
  return approval !== undefined && approval.at <= solvedAt && (thread.firstTeamReplyAt === undefined || thread.firstTeamReplyAt > solvedAt);
}

import type { Account } from '../../shared/autoReply/accountData.ts';
import type { ServerClock } from '../../shared/autoReply/serverClock.ts';
import { BoundedSet } from '../../shared/boundedSet.ts';
import type { DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { decideAnswer, deskTeamIds, withGroupMembers } from '../../shared/desk/deskAnswers.ts';
import { deskPostOfFacts, type DeskPost } from '../../shared/desk/deskPosts.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { thumbsUpEmoji } from '../../shared/desk/questionThreads.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import type { PostedEvent, ReactionEvent } from '../socketMessage.ts';
import { readPostsSince } from './supportChannelHistory.ts';
import { decideReminder } from '../../shared/desk/deskReminders.ts';
import { decideWelcome, welcomeKey } from '../../shared/desk/deskWelcome.ts';
import { lastScheduledReport, type ReportWords } from '../../shared/desk/weeklyReport.ts';
import { describeFailure } from '../requestFailure.ts';
import { readGroupMemberIds } from './deskGroup.ts';
import { postReport } from './deskReport.ts';
import { answerQuestion, reminderRecheckMs, remindIfDue, solveFromFeedback, welcome, type DeskResponderContext, type WelcomeMemory } from './deskResponder.ts';

/** Catching up never looks further back than a day. */
const longestCatchUpMs = 24 * 60 * 60_000;
/** `posts?since` is strict and a post may reach the server's list a moment after its create_at: look a minute further back. */
const catchUpMarginMs = 60_000;
/** A catch-up that failed is tried again after this long. */
const catchUpRetryMs = 30_000;
const longestCatchUpRetryMs = 5 * 60_000;
/** The catch-up point is written at most this often while the socket carries everything. */
const pointSavedEveryMs = 30_000;
const postsRemembered = 2_000;
/** How far back open questions are looked for, for reminders, when a tab takes the lead. */
const reminderLookbackMs = 7 * 24 * 60 * 60_000;
/** Threads read for reminders at once. */
const remindersAtOnce = 5;
/** A group given as the team is read again this often, so who joins or leaves it counts. */
const groupReadEveryMs = 10 * 60_000;
/** A group that could not be read is tried again after this long, twice as long each time up to ten minutes. */
const groupRetryMs = 60_000;

export interface DeskAutomation {
  /** A live post from the webapp's socket; acted on only while this tab leads. */
  onPosted(posted: PostedEvent): void;
  onReactionAdded(reaction: ReactionEvent): void;
  /** Posts of the support channels that came while this tab was not listening. */
  catchUp(): void;
  /** The socket dropped or skipped: the catch-up point stays until the next catch-up is done. */
  noteGap(): void;
  /** Periodic work of the leader: a failed catch-up tried again, the catch-up point saved. */
  tick(): void;
  /** Something of the desk is switched on for the account: the tab that leads must stay awake. */
  isOn(): boolean;
  stop(): void;
}

/** What the desk keeps in storage and reads from it, so tests can give it memory instead. */
export interface DeskStorage {
  readonly read: () => Promise<{ readonly settings: DeskSettings; readonly ok: boolean }>;
  readonly onChanged: (listener: (stored: { readonly settings: DeskSettings; readonly ok: boolean }) => void) => () => void;
  readonly record: (entry: DeskActivityEntry) => Promise<void>;
  /** Takes the failures of an action off the list once it succeeds. */
  readonly clearFailures: (action: NonNullable<DeskActivityEntry['action']>) => Promise<void>;
  readonly readCaughtUpTo: () => Promise<number | undefined>;
  readonly writeCaughtUpTo: (at: number) => Promise<void>;
  readonly welcomed: WelcomeMemory;
  /** From when weekly reports are owed: the moment the tab first saw them switched on. */
  readonly readReportsFrom: () => Promise<number | undefined>;
  readonly writeReportsFrom: (at: number | undefined) => Promise<void>;
}

export interface DeskAutomationContext {
  readonly account: Account;
  readonly api: MattermostApi;
  readonly clock: Pick<ServerClock, 'now'>;
  readonly isLeader: () => boolean;
  readonly storage: DeskStorage;
  /** The line that asks the asker for a 👍, in the runner's language. */
  readonly feedbackRequest: string;
  /** A reminder's text, in the runner's language, mentioning the person on duty. */
  readonly reminderText: (mention: string, minutes: number) => string;
  readonly reportWords: () => ReportWords;
}

/**
 * The support desk acting in the tab that leads for the account: new
 * questions in the support channels answered by the first matching rule, and
 * the asker's 👍 on an answer turned into the solved emoji. Live from the
 * socket; after a gap, from the channels' changes since the catch-up point.
 * The server's thread is read before each answer, so a catch-up, a second
 * tab or another device never answers twice.
 */
export function startDeskAutomation({ account, api, clock, isLeader, storage, feedbackRequest, reminderText, reportWords }: DeskAutomationContext): DeskAutomation {
  const stopping = new AbortController();
  /** The settings as chosen (and valid). */
  let chosen: DeskSettings | undefined;
  /** The settings the desk acts on: as chosen, with the group's members on the team; none while a group given is not read yet. */
  let settings: DeskSettings | undefined;
  let group: { readonly groupId: string; readonly memberIds: readonly string[]; readonly readAt: number } | undefined;
  let groupReading = false;
  /** Failed reads of this group in a row, and when to try it again; another group starts afresh. */
  let groupBackoff = { groupId: '', failures: 0, retryAt: 0 };
  /** A failure to read the group may be listed from before (another tab, an earlier page): the first read that works clears it. */
  let groupFailureListed = true;
  /** Questions and 👍s dealt with in this tab (answered, or nothing to do). */
  const dealtWith = new BoundedSet<string>(postsRemembered);
  /** Questions being answered, or whose answer failed, with their creation time: the catch-up point stays before them. */
  const unfinished = new Map<string, number>();
  const answering = new Set<string>();
  let gaps = 0;
  let gapOpen = false;
  let catchingUp: Promise<void> | undefined;
  let catchUpRetryAt: number | undefined;
  let catchUpFailures = 0;
  /** Failed tries per question, join or 👍: each waits twice as long as the one before, up to five minutes. */
  const failedTries = new Map<string, number>();
  const retryLater = (key: string) => {
    const tries = (failedTries.get(key) ?? 0) + 1;
    failedTries.set(key, tries);
    catchUpRetryAt ??= clock.now() + Math.min(catchUpRetryMs * 2 ** (tries - 1), longestCatchUpRetryMs);
  };
  let pointSavedAt = 0;
  /** Open questions that may need a reminder, by id: when to read their thread again. A hint only: the thread decides. */
  const reminderWatch = new Map<string, { readonly channelId: string; checkAt: number }>();
  const reminding = new Set<string>();
  /** Open questions were looked for since this tab took the lead. */
  let watchWarmed = false;

  const responder: DeskResponderContext = {
    api,
    runnerId: account.userId,
    settings: () => settings as DeskSettings,
    record: (entry) => storage.record(entry).catch(() => undefined),
    now: () => clock.now(),
  };

  const anythingOn = (current: DeskSettings | undefined) =>
    current !== undefined && (current.enabled || current.reminders.enabled || current.welcome.enabled || current.weeklyReport.enabled);
  /** The scheduled report last dealt with (sent, found sent, or not owed), by its key; and when to try again after a failure. */
  let reportDealtWith: string | undefined;
  let reporting = false;
  let reportRetryAt = 0;

  /** Sends the latest scheduled report if nobody has, once it is owed: the browser may have been closed at the time. */
  async function reportIfDue(current: DeskSettings): Promise<void> {
    const now = clock.now();
    const week = lastScheduledReport(now, current.weeklyReport, current.timeZone);
    if (reportDealtWith === week.key || now < reportRetryAt) return;
    const owedFrom = await storage.readReportsFrom();
    if (owedFrom === undefined) {
      // Switched on just now: the first report owed is the next one.
      await storage.writeReportsFrom(now);
      reportDealtWith = week.key;
      return;
    }
    if (week.scheduledAt < owedFrom) {
      reportDealtWith = week.key;
      return;
    }
    const entry = { questionId: '', channelId: current.weeklyReport.channelId ?? '', askerId: account.userId, reportWeek: week.firstDay };
    try {
      const outcome = await postReport({ api, runnerId: account.userId, settings: current, now: () => clock.now(), words: reportWords() }, week, true);
      reportDealtWith = week.key;
      if (outcome.kind === 'posted') await responder.record({ kind: 'reported', at: clock.now(), ...entry, questionId: outcome.postId, ...(now - week.scheduledAt > catchUpMarginMs ? { late: true } : {}) });
    } catch (error) {
      reportRetryAt = clock.now() + reminderRecheckMs;
      await responder.record({ kind: 'failed', at: clock.now(), action: 'report', reason: describeFailure(error), ...entry });
    }
  }
  const active = () => !stopping.signal.aborted && anythingOn(settings) && isLeader();

  function adopt(next: DeskSettings | undefined): void {
    chosen = next;
    const groupId = next?.team.groupId;
    settings = !next || !groupId ? next : group?.groupId === groupId ? withGroupMembers(next, group.memberIds) : undefined;
  }

  /** Reads the team's group when the desk has none of it yet or it is ten minutes old; a failure is listed and the desk waits. */
  async function readGroupIfDue(): Promise<void> {
    const groupId = chosen?.team.groupId;
    if (!groupId || groupReading || stopping.signal.aborted || !anythingOn(chosen) || !isLeader()) return;
    const now = clock.now();
    if (groupBackoff.groupId !== groupId) groupBackoff = { groupId, failures: 0, retryAt: 0 };
    if ((group?.groupId === groupId && now - group.readAt < groupReadEveryMs) || now < groupBackoff.retryAt) return;
    groupReading = true;
    try {
      const memberIds = await readGroupMemberIds(api, groupId);
      group = { groupId, memberIds, readAt: clock.now() };
      groupBackoff = { groupId, failures: 0, retryAt: 0 };
      const waiting = settings === undefined;
      adopt(chosen);
      if (waiting) catchUp();
      if (groupFailureListed) {
        groupFailureListed = false;
        await storage.clearFailures('team').catch(() => undefined);
      }
    } catch (error) {
      const failures = groupBackoff.failures + 1;
      groupBackoff = { groupId, failures, retryAt: clock.now() + Math.min(groupRetryMs * 2 ** (failures - 1), groupReadEveryMs) };
      // Until it is read, the desk cannot tell the team's posts from questions: it waits (a group read before stays in use).
      groupFailureListed = true;
      await responder.record({ kind: 'failed', at: clock.now(), action: 'team', reason: describeFailure(error), questionId: '', channelId: '', askerId: account.userId });
    } finally {
      groupReading = false;
    }
    // Another group chosen while this one was read: that one now.
    if (chosen?.team.groupId && chosen.team.groupId !== groupId) void readGroupIfDue();
  }
  const delayMs = () => (settings?.reminders.afterMinutes ?? 60) * 60_000;

  /** What a live post or reaction in a support channel changes for reminders. */
  function watchForReminders(post: DeskPost, channelId: string): void {
    if (!settings?.reminders.enabled) return;
    if (post.rootId === '') {
      if (decideReminder([post], post.id, settings, account.userId, post.createAt).kind === 'wait') reminderWatch.set(post.id, { channelId, checkAt: post.createAt + delayMs() });
      return;
    }
    const watched = reminderWatch.get(post.rootId);
    const teamOrReminder = post.deskKind === 'reminder' || (post.deskKind === undefined && post.type === '' && !post.automated && deskTeamIds(settings, account.userId).has(post.userId));
    if (watched && teamOrReminder) watched.checkAt = Math.max(watched.checkAt, post.createAt + delayMs());
  }

  /** Open questions of the last week, from the channels' posts: which may need a reminder, and when. */
  async function warmReminderWatch(current: DeskSettings): Promise<void> {
    if (!current.reminders.enabled || watchWarmed) return;
    const now = clock.now();
    for (const channelId of current.channelIds) {
      const changes = await readPostsSince(api, channelId, now - reminderLookbackMs, stopping.signal);
      const threads = new Map<string, DeskPost[]>();
      for (const post of changes.changed) {
        const rootId = post.rootId || post.id;
        threads.set(rootId, [...(threads.get(rootId) ?? []), post]);
      }
      for (const [rootId, thread] of threads) {
        const decision = decideReminder(thread, rootId, current, account.userId, now);
        if (decision.kind === 'wait') reminderWatch.set(rootId, { channelId, checkAt: decision.until });
        else if (decision.kind === 'remind' || decision.kind === 'outside-hours') reminderWatch.set(rootId, { channelId, checkAt: now });
      }
    }
    watchWarmed = true;
  }

  function remindWhereDue(): void {
    const now = clock.now();
    const due = [...reminderWatch].filter(([id, watched]) => watched.checkAt <= now && !reminding.has(id));
    for (const [questionId, watched] of due.slice(0, Math.max(0, remindersAtOnce - reminding.size))) {
      reminding.add(questionId);
      void remindIfDue(responder, questionId, watched.channelId, reminderText).then((outcome) => {
        reminding.delete(questionId);
        const at = clock.now();
        if (outcome.kind === 'done') reminderWatch.delete(questionId);
        else if (outcome.kind === 'reminded') watched.checkAt = at + delayMs();
        else if (outcome.kind === 'wait') watched.checkAt = outcome.until;
        else watched.checkAt = at + reminderRecheckMs;
      });
    }
  }

  function takeQuestion(post: DeskPost, channelId: string, late: boolean): Promise<void> | undefined {
    if (!settings || dealtWith.has(post.id) || answering.has(post.id)) return undefined;
    if (!settings.enabled) return undefined;
    const decision = decideAnswer(post, channelId, settings, account.userId, feedbackRequest);
    if (decision.kind !== 'answer') {
      dealtWith.add(post.id);
      return undefined;
    }
    unfinished.set(post.id, post.createAt);
    answering.add(post.id);
    return answerQuestion(responder, post, channelId, decision, late).then((outcome) => {
      answering.delete(post.id);
      if (outcome === 'failed') {
        // Tried again at a catch-up, within a day.
        retryLater(post.id);
        return;
      }
      failedTries.delete(post.id);
      unfinished.delete(post.id);
      dealtWith.add(post.id);
    });
  }

  function takeWelcome(post: DeskPost, channelId: string, late: boolean): Promise<void> | undefined {
    if (!settings) return undefined;
    const decision = decideWelcome(post, channelId, settings, account.userId);
    if (decision.kind !== 'welcome') return undefined;
    const key = `welcome:${welcomeKey(channelId, decision.userId)}`;
    if (dealtWith.has(key)) return undefined;
    dealtWith.add(key);
    unfinished.set(key, post.createAt);
    return welcome(responder, storage.welcomed, post, decision.userId, channelId, late).then((outcome) => {
      if (outcome !== 'failed') {
        failedTries.delete(key);
        unfinished.delete(key);
        return;
      }
      // Listed; the catch-up point stays before the join, and a catch-up tries again.
      dealtWith.delete(key);
      retryLater(key);
    });
  }

  function takeReaction(reaction: ReactionEvent, late: boolean): Promise<void> | undefined {
    if (!settings?.channelIds.includes(reaction.channelId) || !thumbsUpEmoji.has(reaction.emojiName)) return undefined;
    const key = `${reaction.postId}:${reaction.userId}`;
    if (dealtWith.has(key)) return undefined;
    dealtWith.add(key);
    // The 👍 changed the answer's update time about now: the catch-up point stays before it until this is done.
    if (!unfinished.has(key)) unfinished.set(key, clock.now() - catchUpMarginMs);
    const tryAgain = () => {
      dealtWith.delete(key);
      retryLater(key);
    };
    return solveFromFeedback(responder, reaction, late).then(
      (outcome) => {
        if (outcome === 'failed') return tryAgain();
        failedTries.delete(key);
        unfinished.delete(key);
      },
      // The answer or the question could not be read: looked at again at the next catch-up.
      tryAgain,
    );
  }

  async function catchUpNow(): Promise<void> {
    const current = settings;
    if (!current || !active()) return;
    const startedAt = clock.now();
    const gapsBefore = gaps;
    // What was heard before may have gaps, or another tab led meanwhile: open questions are looked for again.
    reminderWatch.clear();
    watchWarmed = false;
    const point = await storage.readCaughtUpTo();
    if (point === undefined) {
      // Switched on just now: questions asked before are not answered; reminders look at the last week's.
      await warmReminderWatch(current);
      await storage.writeCaughtUpTo(startedAt);
      gapOpen = gaps !== gapsBefore;
      return;
    }
    await warmReminderWatch(current);
    const since = Math.max(point - catchUpMarginMs, startedAt - longestCatchUpMs);
    const work: Array<Promise<void> | undefined> = [];
    for (const channelId of current.channelIds) {
      const changes = await readPostsSince(api, channelId, since, stopping.signal);
      // A question deleted meanwhile is no longer owed an answer.
      for (const id of changes.deletedIds) {
        unfinished.delete(id);
        for (const key of unfinished.keys()) if (key.startsWith(`${id}:`)) unfinished.delete(key);
      }
      for (const post of [...changes.changed].sort((a, b) => a.createAt - b.createAt)) {
        if (post.rootId === '' && post.createAt > since) work.push(takeQuestion(post, channelId, true));
        if (post.joinedUserId && post.createAt > since) work.push(takeWelcome(post, channelId, true));
        if (post.deskKind === 'answer') {
          for (const reaction of post.reactions) work.push(takeReaction({ userId: reaction.userId, postId: post.id, channelId, emojiName: reaction.emojiName }, true));
        }
      }
    }
    await Promise.all(work);
    const held = Math.min(startedAt, ...unfinished.values());
    await storage.writeCaughtUpTo(held);
    pointSavedAt = clock.now();
    if (gaps === gapsBefore) gapOpen = false;
  }

  function catchUp(): void {
    if (!active()) return;
    if (catchingUp) return;
    catchUpRetryAt = undefined;
    catchingUp = catchUpNow()
      .then(() => {
        catchUpFailures = 0;
      })
      .catch(() => {
        // Tried again later, waiting twice as long each time up to five minutes.
        catchUpFailures += 1;
        catchUpRetryAt = clock.now() + Math.min(catchUpRetryMs * 2 ** (catchUpFailures - 1), longestCatchUpRetryMs);
      })
      .finally(() => {
        catchingUp = undefined;
      });
  }

  const stopWatching = storage.onChanged((stored) => {
    const before = chosen;
    adopt(stored.ok ? stored.settings : undefined);
    const after = chosen;
    void readGroupIfDue();
    if (JSON.stringify([before?.channelIds, before?.reminders, before?.team, before?.solvedEmoji]) !== JSON.stringify([after?.channelIds, after?.reminders, after?.team, after?.solvedEmoji])) {
      // Looked for again under the new settings.
      reminderWatch.clear();
      watchWarmed = false;
    }
    if (before?.weeklyReport.enabled && after && !after.weeklyReport.enabled) {
      // Switched off: switched on again later, no report is owed for the time between.
      void storage.writeReportsFrom(undefined).catch(() => undefined);
      reportDealtWith = undefined;
    }
    if (before && !anythingOn(before) && anythingOn(after)) {
      // Switched on again: what came while it was off is not answered late.
      void storage
        // A catch-up reads from a minute before its point: from the moment of switching on, then.
        .writeCaughtUpTo(clock.now() + catchUpMarginMs)
        .catch(() => undefined)
        .then(catchUp);
    } else if (!anythingOn(before) && anythingOn(after)) catchUp();
    else if (!watchWarmed) catchUp();
  });
  void storage.read().then((stored) => {
    if (stopping.signal.aborted || chosen) return;
    adopt(stored.ok ? stored.settings : undefined);
    void readGroupIfDue();
    catchUp();
  });

  return {
    onPosted(posted) {
      if (!active() || !settings?.channelIds.includes(posted.channelId)) return;
      const post = deskPostOfFacts(posted.post);
      void takeQuestion(post, posted.channelId, false);
      void takeWelcome(post, posted.channelId, false);
      watchForReminders(post, posted.channelId);
    },
    onReactionAdded(reaction) {
      if (!active()) return;
      // Solved: its thread would say so anyway, when read for a reminder.
      if (reaction.emojiName === settings?.solvedEmoji && deskTeamIds(settings, account.userId).has(reaction.userId)) reminderWatch.delete(reaction.postId);
      void takeReaction(reaction, false);
    },
    catchUp,
    noteGap() {
      gaps += 1;
      gapOpen = true;
    },
    tick() {
      void readGroupIfDue();
      if (!active() || catchingUp) return;
      if (settings?.reminders.enabled) remindWhereDue();
      if (settings?.weeklyReport.enabled && !reporting) {
        reporting = true;
        void reportIfDue(settings)
          .catch(() => {
            // Storage could not be read or written: tried again later rather than guessed.
            reportRetryAt = clock.now() + reminderRecheckMs;
          })
          .finally(() => {
            reporting = false;
          });
      }
      const now = clock.now();
      if (catchUpRetryAt !== undefined && now >= catchUpRetryAt) {
        catchUp();
        return;
      }
      // A question that failed for a day is no longer looked for: its failure stays listed.
      for (const [id, createAt] of unfinished) if (createAt < now - longestCatchUpMs && !answering.has(id)) unfinished.delete(id);
      if (gapOpen || now - pointSavedAt < pointSavedEveryMs) return;
      pointSavedAt = now;
      // Everything up to a moment ago came over the socket and was taken, but for what is unfinished.
      void storage.writeCaughtUpTo(Math.min(now - catchUpMarginMs, ...unfinished.values())).catch(() => undefined);
    },
    isOn: () => anythingOn(chosen),
    stop() {
      stopping.abort();
      stopWatching();
    },
  };
}

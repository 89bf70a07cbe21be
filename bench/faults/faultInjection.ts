// Figure 5: no message silently lost. A fresh person has Companion answering
// in a tab that reaches the server through a proxy; other people send one
// message into each of many conversations nobody has answered, at a steady
// pace, while faults are injected on a schedule. Once the faults are over and
// things settle, every message must have exactly one auto-reply, or be
// listed in the extension's activity with the reason it has none.
import type { Post } from '@mattermost/types/posts';
import { isCompanionReply, postsSince } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { companionAnsweringFor, type CompanionInTab } from '../actors/companionInTab.ts';
import { benchFirstNames, directChannels, groupChannelsOfPairs, newTeamMembers, retire, roomForNewMembers, type TeamMember } from '../actors/people.ts';
import { figure, type Figure } from '../report/figure.ts';
import { mapConcurrently, sleep } from '../support/concurrency.ts';
import { watchActivity, type ActivityWatch } from './extensionActivity.ts';
import { startFaultProxy, type FaultProxy } from './faultProxy.ts';
import { runFaults } from './faultRunner.ts';
import { describeFault, faultAround, scheduleFaults, type Fault, type InjectedFault } from './faultSchedule.ts';
import { classifyMessage, countOutcomes, type FoundAutoReply, type MessageVerdict } from './messageOutcome.ts';
import { sendSteadily, type Conversation, type SendAttempt } from './steadySender.ts';

export interface FaultsOptions {
  readonly messages: number;
  /** Each sender has a direct conversation with the person, and each pair of senders a group one. */
  readonly senders: number;
  /** Messages are sent evenly over this time, while the faults run. */
  readonly sendSpanMs: number;
  readonly faults: readonly Fault[];
  /** Time set aside for each instant fault (restart, reload, a tab) when spreading them out. */
  readonly instantAllowanceMs: number;
  /** After the faults, how long to wait at most for every message to be answered or listed. */
  readonly settleTimeoutMs: number;
  /** Then how long to wait for late duplicates. */
  readonly quietMs: number;
}

const section = 'Fault injection';
const replyMessage = 'Hi {sender}, I am away from my desk and will answer when I am back.';
/** A message sent this soon after a fault ended is counted as sent around it. */
const faultMarginMs = 5_000;

export async function measureFaults(options: FaultsOptions): Promise<Figure[]> {
  const setupStarted = performance.now();
  const available = options.senders + (options.senders * (options.senders - 1)) / 2;
  if (available < options.messages) throw new Error(`${options.senders} senders give ${available} conversations, fewer than ${options.messages} messages.`);
  if ((await roomForNewMembers()) < options.senders + 1) throw new Error('The server has no room for more accounts (at most 250 active without a license).');
  console.log(`  creating ${options.senders} senders and the person who is away…`);
  const [person] = (await newTeamMembers(1, benchFirstNames.companionUser)) as [TeamMember];
  const senders = await newTeamMembers(options.senders, benchFirstNames.sender);
  try {
    const direct = await directChannels(senders, person.user.id);
    const conversations: Conversation[] = senders.map((sender, index) => ({ sender, channelId: direct[index] as string }));
    conversations.push(...(await groupChannelsOfPairs(senders, person.user.id, options.messages - conversations.length)));
    const proxy = await startFaultProxy(server.url);
    let companion: CompanionInTab | undefined;
    try {
      companion = await companionAnsweringFor(person.user, replyMessage, { workspaceUrl: proxy.url, minutesBetweenReplies: 1, groupMessages: true });
      const activity = watchActivity(companion.browser, person.user.id, 5_000);
      try {
        return await underFaults({ person, senders, conversations: conversations.slice(0, options.messages), companion, proxy, activity, options, setupStarted });
      } finally {
        activity.stop();
      }
    } finally {
      await companion?.close();
      await proxy.close();
    }
  } finally {
    await retire([person, ...senders]);
  }
}

interface Run {
  readonly person: TeamMember;
  readonly senders: readonly TeamMember[];
  readonly conversations: readonly Conversation[];
  readonly companion: CompanionInTab;
  readonly proxy: FaultProxy;
  readonly activity: ActivityWatch;
  readonly options: FaultsOptions;
  readonly setupStarted: number;
}

interface ConversationOnServer {
  readonly conversation: Conversation;
  readonly messages: Post[];
  readonly replies: FoundAutoReply[];
}

async function underFaults(run: Run): Promise<Figure[]> {
  const { person, conversations, companion, proxy, activity, options } = run;
  const schedule = scheduleFaults(options.faults, options.sendSpanMs, options.instantAllowanceMs);
  console.log(`  sending ${conversations.length} messages over ${(options.sendSpanMs / 1000).toFixed(0)} s with ${schedule.length} faults…`);
  const since = Date.now() - 1_000;
  const startedAt = performance.now();
  const faultRun = runFaults(schedule, { browser: companion.browser, answeringTab: companion.tab, proxy }, startedAt);
  const [attempts, injected] = await Promise.all([sendSteadily(conversations, options.sendSpanMs, startedAt, `faults-${Date.now().toString(36)}`), faultRun.done]);
  const faultsOverAt = performance.now();

  const onServer = async (conversation: Conversation): Promise<ConversationOnServer> => {
    const posts = await postsSince(conversation.sender.client, conversation.channelId, since);
    const replies = posts.filter((post) => post.user_id === person.user.id && isCompanionReply(post));
    return {
      conversation,
      messages: posts.filter((post) => post.user_id !== person.user.id && !post.type),
      replies: replies.map((post) => ({ answers: String(post.props.companion_auto_reply_to), rootId: post.root_id })),
    };
  };
  const verdictsOf = (found: ConversationOnServer) =>
    found.messages.map((message) => ({ verdict: classifyMessage({ postId: message.id }, found.replies, activity.entries()), channelId: found.conversation.channelId }));

  console.log('  faults over; waiting for every message to be answered or listed…');
  let outstanding = [...conversations];
  let settledAt: number | undefined;
  while (performance.now() - faultsOverAt < options.settleTimeoutMs) {
    await activity.refresh();
    const found = await mapConcurrently(outstanding, 8, onServer);
    outstanding = found.filter((entry) => verdictsOf(entry).some(({ verdict }) => verdict.outcome === 'silently lost')).map((entry) => entry.conversation);
    if (outstanding.length === 0) {
      settledAt = performance.now();
      break;
    }
    await sleep(3_000);
  }
  await sleep(options.quietMs);
  await activity.refresh();
  const verdicts = (await mapConcurrently(conversations, 8, onServer)).flatMap(verdictsOf);
  const checkedAt = performance.now();

  return faultFigures({ run, attempts, injected, verdicts, timing: { startedAt, faultsOverAt, settledAt, checkedAt } });
}

interface Outcome {
  readonly run: Run;
  readonly attempts: readonly SendAttempt[];
  readonly injected: readonly InjectedFault[];
  readonly verdicts: ReadonlyArray<{ verdict: MessageVerdict; channelId: string }>;
  readonly timing: { readonly startedAt: number; readonly faultsOverAt: number; readonly settledAt: number | undefined; readonly checkedAt: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

/** "3 sent around answering tab reloaded, 1 between faults". */
function sentAround(outcome: Outcome, which: (verdict: MessageVerdict) => boolean): string {
  const sentAt = new Map(outcome.attempts.map((attempt) => [attempt.channelId, attempt.sentAtMs]));
  const counts = new Map<string, number>();
  for (const { channelId } of outcome.verdicts.filter(({ verdict }) => which(verdict))) {
    const at = sentAt.get(channelId);
    const fault = at === undefined ? undefined : faultAround(outcome.injected, at, faultMarginMs);
    const label = fault ? `around "${describeFault(fault.fault)}" at ${seconds(fault.startMs)}` : 'between faults';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${count} sent ${label}`).join('; ');
}

function faultFigures(outcome: Outcome): Figure[] {
  const { run, attempts, injected, verdicts, timing } = outcome;
  const counts = countOutcomes(verdicts.map(({ verdict }) => verdict));
  const unsent = attempts.filter((attempt) => attempt.postId === undefined).length;
  const groups = run.conversations.length - run.senders.length;
  const reasons = new Map<string, number>();
  for (const entry of run.activity.entries()) {
    if (entry.kind === 'failed' || entry.kind === 'missed') {
      const reason = entry.kind === 'missed' ? 'missed (arrived while offline)' : (entry.reason ?? '');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const injectedAnswers = [...run.proxy.injectedAnswers()].map(([status, count]) => `HTTP ${status} ×${count}`).join(', ');
  const faultList = injected
    .map((entry) => `at ${seconds(entry.startMs)}: ${describeFault(entry.fault)}${entry.error ? ` (could not be carried out: ${entry.error})` : ` (over at ${seconds(entry.endMs)})`}`)
    .join('; ');
  const settle = timing.settledAt === undefined
    ? `not every message was answered or listed ${seconds(run.options.settleTimeoutMs)} after the faults stopped`
    : `every message was answered or listed ${seconds(timing.settledAt - timing.faultsOverAt)} after the faults stopped`;

  return [
    figure(
      section,
      'messages sent',
      'messages',
      counts.messages,
      `One message into each of ${run.conversations.length} conversations nobody had answered (${run.senders.length} direct, ${groups} group, from ${run.senders.length} senders), ` +
        `sent evenly over ${seconds(run.options.sendSpanMs)} while the faults were injected, so each should get exactly one auto-reply` +
        (unsent > 0 ? `; the server confirmed ${unsent} sends only too late or never (counted if it has them).` : '.'),
    ),
    figure(
      section,
      'silently lost: neither answered nor listed',
      'messages',
      counts.silentlyLost,
      `Goal 0. No auto-reply, and no entry in the activity list saying why.${counts.silentlyLost > 0 ? ` ${sentAround(outcome, (verdict) => verdict.outcome === 'silently lost')}.` : ''}`,
    ),
    figure(
      section,
      'duplicates: messages answered more than once',
      'messages',
      counts.duplicated,
      `Goal 0. ${counts.extraReplies} replies beyond the first in all.${counts.duplicated > 0 ? ` ${sentAround(outcome, (verdict) => verdict.outcome === 'answered more than once')}.` : ''}`,
    ),
    figure(section, 'answered exactly once', 'messages', counts.answeredOnce, 'An auto-reply by the person carrying companion_auto_reply_to = the message’s id.'),
    figure(
      section,
      'not answered, listed in the activity with a reason',
      'messages',
      counts.listedWithReason,
      'The activity list (storage.local, read every 5 s so entries pushed out of its newest 200 still count)' +
        (reasons.size > 0 ? ` listed: ${[...reasons].map(([reason, count]) => `“${reason}” ×${count}`).join(', ')}.` : ' listed no failure and no missed message.'),
    ),
    figure(section, 'auto-replies outside the message’s thread', 'replies', counts.repliesOutsideThread),
    figure(section, 'answered, yet also listed as failed', 'messages', counts.answeredButListedFailed),
    figure(
      section,
      'faults injected',
      'faults',
      injected.filter((entry) => entry.error === undefined).length,
      `${faultList}. REST answers made up by the proxy in front of the server: ${injectedAnswers || 'none'}. Seconds count from the first message.`,
    ),
    figure(
      section,
      'run time: first message to the last check',
      's',
      (timing.checkedAt - timing.startedAt) / 1000,
      `The faults were over at ${seconds(timing.faultsOverAt - timing.startedAt)}; ${settle}; then ${seconds(run.options.quietMs)} more for late duplicates. ` +
        `With the set-up (accounts, conversations, the browser): ${seconds(timing.checkedAt - run.setupStarted)}.`,
    ),
  ];
}

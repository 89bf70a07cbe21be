// Figure 2: a burst of direct messages from many senders to one person with
// auto-reply on. Every conversation should get exactly one reply however many
// messages it holds; the extension's CPU time in the tab and in its service
// worker is measured over the burst.
import type { Post } from '@mattermost/types/posts';
import { isCompanionReply, postsSince } from '../../tests/e2e/actors.ts';
import { followExtensionRequests } from '../../tests/e2e/extensionRequests.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import type { CompanionInTab } from '../actors/companionInTab.ts';
import { benchFirstNames, directChannels, newTeamMembers, retire, roomForNewMembers, type TeamMember } from '../actors/people.ts';
import { openSenderSocket, type SenderSocket } from '../actors/senderSocket.ts';
import { startProfileCpu } from '../cpu/processCpu.ts';
import { startTabCpu } from '../cpu/tabCpu.ts';
import { figure, type Figure } from '../report/figure.ts';
import { mapConcurrently, sleep } from '../support/concurrency.ts';
import { countReplies } from './replyCounts.ts';
import { describeRequestKinds } from './requestKinds.ts';

export interface BurstOptions {
  readonly senders: number;
  /** Messages in the burst, spread evenly over the senders. */
  readonly messages: number;
  /** Posts in flight at once while sending. */
  readonly sendConcurrency: number;
  /** How long to wait for every conversation's first reply. */
  readonly answerTimeoutMs: number;
  /** Quiet time after the last first reply, for late duplicates to show. */
  readonly quietMs: number;
}

const section = 'Burst';
/** Conversations that get one more message after the burst, each throttled (answered moments ago). */
const throttledMessagesAtMost = 50;

export async function measureBurst(companion: CompanionInTab, companionUser: TeamMember, options: BurstOptions): Promise<Figure[]> {
  // The server's account limit may leave room for fewer senders than asked; the messages stay as many.
  const room = await roomForNewMembers();
  const senderCount = Math.min(options.senders, room);
  if (senderCount < 1) throw new Error('The server has no room for more accounts (at most 250 active without a license).');
  console.log(`  creating ${senderCount} senders…`);
  const senders = await newTeamMembers(senderCount, benchFirstNames.sender);
  try {
    return await burstFrom(senders, companion, companionUser, options);
  } finally {
    await retire(senders);
  }
}

async function burstFrom(senders: TeamMember[], companion: CompanionInTab, companionUser: TeamMember, options: BurstOptions): Promise<Figure[]> {
  // Counted from before the conversations open: their partners' names are looked up then.
  const requests = await followExtensionRequests(companion.tab);
  const channels = await directChannels(senders, companionUser.user.id);
  const answeredAt = new Map<string, number>();
  const isOurReply = (post: Post) => isCompanionReply(post) && post.user_id === companionUser.user.id;
  const sockets = await mapConcurrently(senders, 10, (sender) =>
    openSenderSocket(server.url, sender.client.getToken(), (post, arrivedAt) => {
      if (isOurReply(post) && !answeredAt.has(post.channel_id)) answeredAt.set(post.channel_id, arrivedAt);
    }),
  );
  try {
    const { browser, tab } = companion;
    const processCpu = await startProfileCpu(browser.profileDir);
    const tabCpu = await startTabCpu(browser.context, tab, browser.extensionId);

    const messages = Array.from({ length: options.messages }, (_, index) => ({
      sender: senders[index % senders.length] as TeamMember,
      channelId: channels[index % senders.length] as string,
      round: Math.floor(index / senders.length),
    }));
    console.log(`  sending ${messages.length} messages, ${options.sendConcurrency} at a time…`);
    const since = Date.now();
    const sendStart = performance.now();
    let failedSends = 0;
    await mapConcurrently(messages, options.sendConcurrency, async ({ sender, channelId, round }) => {
      await sender.client.createPost({ channel_id: channelId, message: `Quick question, part ${round + 1}` } as Post).catch(() => (failedSends += 1));
    });
    const sendEnd = performance.now();

    const deadline = sendEnd + options.answerTimeoutMs;
    while (answeredAt.size < channels.length && performance.now() < deadline) await sleep(200);
    const lastFirstReply = answeredAt.size > 0 ? Math.max(...answeredAt.values()) : undefined;
    await sleep(options.quietMs);

    const cpu = await tabCpu.stop();
    const osCpu = await processCpu.stop();
    const burstRequests = requests.sent();

    // One more message into conversations answered moments ago: each should be settled from what the tab heard, without a request.
    const throttled = messages.slice(0, Math.min(throttledMessagesAtMost, senders.length));
    console.log(`  sending ${throttled.length} messages into conversations just answered…`);
    await mapConcurrently(throttled, 5, async ({ sender, channelId }) => {
      await sender.client.createPost({ channel_id: channelId, message: 'One more thing' } as Post);
    });
    await sleep(options.quietMs);
    const throttledRequests = requests.sent().slice(burstRequests.length);
    const counts = countReplies(
      await mapConcurrently(senders, 10, async (sender, index) => {
        const channelId = channels[index] as string;
        return (await postsSince(sender.client, channelId, since)).filter(isOurReply).length;
      }),
    );

    const sent = messages.length - failedSends;
    const answered = answeredAt.size;
    return [
      figure(
        section,
        'messages sent',
        'messages',
        sent,
        `From ${senders.length} senders in turn, ${options.sendConcurrency} posts in flight at once` +
          (senders.length < options.senders ? `; ${options.senders} senders were asked for, the server's account limit left room for ${senders.length}.` : '.'),
      ),
      figure(section, 'time to send them', 's', (sendEnd - sendStart) / 1000),
      figure(section, 'conversations answered exactly once', 'conversations', counts.exactlyOnce, `of ${channels.length}`),
      figure(section, 'conversations missed (no reply)', 'conversations', counts.missed),
      figure(section, 'duplicate replies (beyond one per conversation)', 'replies', counts.duplicates),
      figure(section, 'most replies in one conversation', 'replies', counts.most, `Counted after ${throttled.length} more messages into answered conversations (below), which must not be answered.`),
      figure(
        section,
        'REST requests from the tab per conversation answered',
        'requests',
        answered > 0 ? burstRequests.length / answered : null,
        `Goal at most 1.5. ${burstRequests.length} requests by the extension from the opening of the conversations to the end of the quiet time after the burst (DevTools, by initiator), ` +
          `for ${answered} conversations answered and ${sent - answered} more messages settled without a reply: ${describeRequestKinds(burstRequests)}.`,
      ),
      figure(
        section,
        'REST requests from the tab per throttled message',
        'requests',
        throttled.length > 0 ? throttledRequests.length / throttled.length : null,
        `Goal 0. One more message into each of ${throttled.length} conversations answered during the burst, within the minutes between replies: ` +
          `${describeRequestKinds(throttledRequests)}.`,
      ),
      figure(
        section,
        'from the first message sent to the last conversation answered',
        's',
        lastFirstReply === undefined ? null : (lastFirstReply - sendStart) / 1000,
        'First replies as they reached the senders’ WebSockets.',
      ),
      figure(
        section,
        'tab renderer process: CPU time',
        'ms',
        osCpu.tabMs,
        'User + system time the OS charged to the page renderers (/proc/<pid>/stat) over the burst and the quiet time after it: all threads, the webapp’s share included, and unaffected by other programs competing for the CPUs.',
      ),
      figure(
        section,
        'service worker (extension process): CPU time',
        'ms',
        osCpu.extensionMs,
        'Same, for the renderer Chromium marks --extension-process, which runs the service worker while the popup is closed. ' +
          'The DevTools route was tried: Playwright opens CDP sessions on pages and frames only; a page session’s Target domain reaches the worker, ' +
          'but a worker target has no Performance domain (“Performance.getMetrics wasn’t found”), and its sampling profiler costs that process ' +
          '0.1–0.5 s of CPU per burst by itself, more than the worker uses; so the operating system’s count is the figure.',
      ),
      figure(
        section,
        'tab main thread: task time',
        'ms',
        cpu.taskMs,
        'Performance.getMetrics TaskDuration, same span; includes the stand-in webapp’s own handling of every event. A wall-clock sum: it stretches when other programs hold the CPUs.',
      ),
      figure(
        section,
        'tab main thread: script time',
        'ms',
        cpu.scriptMs,
        'Performance.getMetrics ScriptDuration, same span. It leaves out the isolated world, where the content script runs: see the next line.',
      ),
      figure(
        section,
        'tab main thread: in the extension’s scripts',
        'ms',
        cpu.extensionScriptMs,
        `Sampled CPU profile (1 ms; the sampling itself adds to the CPU time above) of the tab, same span: samples whose nearest script is the content script or the page-world observer, built-ins they call (fetch, JSON) included. The whole main thread was busy ${cpu.sampledBusyMs.toFixed(0)} ms by the same profile.`,
      ),
    ];
  } finally {
    for (const socket of sockets as SenderSocket[]) socket.close();
  }
}

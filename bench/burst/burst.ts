// Figure 2: a burst of direct messages from many senders to one person with
// auto-reply on. Every conversation should get exactly one reply however many
// messages it holds; the extension's CPU time in the tab and in its service
// worker is measured over the burst.
import type { Post } from '@mattermost/types/posts';
import { isCompanionReply, postsSince } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import type { CompanionInTab } from '../actors/companionInTab.ts';
import { directChannels, newTeamMembers, type TeamMember } from '../actors/people.ts';
import { openSenderSocket, type SenderSocket } from '../actors/senderSocket.ts';
import { startTabCpu } from '../cpu/tabCpu.ts';
import { startWorkerCpu } from '../cpu/workerCpu.ts';
import { figure, type Figure } from '../report/figure.ts';
import { mapConcurrently, sleep } from '../support/concurrency.ts';
import { countReplies } from './replyCounts.ts';

export interface BurstOptions {
  readonly senders: number;
  readonly messagesPerSender: number;
  /** Posts in flight at once while sending. */
  readonly sendConcurrency: number;
  /** How long to wait for every conversation's first reply. */
  readonly answerTimeoutMs: number;
  /** Quiet time after the last first reply, for late duplicates to show. */
  readonly quietMs: number;
}

const section = 'Burst';

export async function measureBurst(companion: CompanionInTab, companionUser: TeamMember, options: BurstOptions): Promise<Figure[]> {
  console.log(`  creating ${options.senders} senders…`);
  const senders = await newTeamMembers(options.senders, 'Sender');
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
    const tabCpu = await startTabCpu(browser.context, tab, browser.extensionId);
    const workerCpu = await startWorkerCpu(browser.context, tab, browser.extensionId).catch((error: unknown) => error as Error);

    const messages = Array.from({ length: options.senders * options.messagesPerSender }, (_, index) => ({
      sender: senders[index % options.senders] as TeamMember,
      channelId: channels[index % options.senders] as string,
      round: Math.floor(index / options.senders),
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
    const worker = workerCpu instanceof Error ? workerCpu : await workerCpu.stop().catch((error: unknown) => error as Error);
    const counts = countReplies(
      await mapConcurrently(senders, 10, async (sender, index) => {
        const channelId = channels[index] as string;
        return (await postsSince(sender.client, channelId, since)).filter(isOurReply).length;
      }),
    );

    const sent = messages.length - failedSends;
    return [
      figure(section, 'messages sent', 'messages', sent, `${options.senders} senders × ${options.messagesPerSender} messages, ${options.sendConcurrency} posts in flight at once.`),
      figure(section, 'time to send them', 's', (sendEnd - sendStart) / 1000),
      figure(section, 'conversations answered exactly once', 'conversations', counts.exactlyOnce, `of ${channels.length}`),
      figure(section, 'conversations missed (no reply)', 'conversations', counts.missed),
      figure(section, 'duplicate replies (beyond one per conversation)', 'replies', counts.duplicates),
      figure(section, 'most replies in one conversation', 'replies', counts.most),
      figure(
        section,
        'from the first message sent to the last conversation answered',
        's',
        lastFirstReply === undefined ? null : (lastFirstReply - sendStart) / 1000,
        'First replies as they reached the senders’ WebSockets.',
      ),
      figure(
        section,
        'tab main thread: task time',
        'ms',
        cpu.taskMs,
        'Performance.getMetrics TaskDuration over the burst and the quiet time after it; includes the stand-in webapp’s own handling of every event.',
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
        `Sampled CPU profile (1 ms) of the tab, same span: samples whose nearest script is the content script or the page-world observer, built-ins they call (fetch, JSON) included. The whole main thread was busy ${cpu.sampledBusyMs.toFixed(0)} ms by the same profile.`,
      ),
      worker instanceof Error
        ? figure(section, 'service worker: busy time', 'ms', null, `Not measured: ${worker.message}`)
        : figure(
            section,
            'service worker: busy time',
            'ms',
            worker.busyMs,
            'Worker targets have no Performance domain (Performance.getMetrics: “wasn’t found”), so this is a sampled CPU profile (0.2 ms) of the worker, ' +
              `taken through a page session’s Target domain over ${(worker.spanMs / 1000).toFixed(1)} s: time not idle. ` +
              '0 means the worker did no work during the burst: the tab answers on its own.',
          ),
    ];
  } finally {
    for (const socket of sockets as SenderSocket[]) socket.close();
  }
}

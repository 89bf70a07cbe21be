// The support desk's analytics of a big help channel: how long the tab takes
// to read and analyse it the first time and again (only what changed), and the
// longest task it causes in the Mattermost tab meanwhile.
import type { Post } from '@mattermost/types/posts';
import type { Page } from '@playwright/test';
import { changesOverlapMs } from '../../src/content/desk/deskAnalysis.ts';
import type { DeskAnalysisRequest } from '../../src/shared/messages.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { enableCompanion, openMattermostAs } from '../../tests/e2e/workflows.ts';
import { newExtensionBrowser } from '../actors/companionInTab.ts';
import { newTeamMembers, retire, type TeamMember } from '../actors/people.ts';
import { longestTaskMs, watchLongTasks } from '../packet/longTasks.ts';
import { figure, type Figure } from '../report/figure.ts';
import { mapConcurrently } from '../support/concurrency.ts';

export interface DeskAnalysisOptions {
  /** Posts in the help channel. */
  readonly posts: number;
}

const section = 'Support desk';
/** One question in this many posts; the rest are replies in the questions' threads. */
const postsPerQuestion = 4;
const postsAtOnce = 8;
const dayMs = 24 * 60 * 60_000;

interface AnalysisAnswer {
  readonly ok: boolean;
  readonly value?: { readonly postsRead: number; readonly incremental: boolean; readonly analytics: { readonly questions: number } };
  readonly error?: unknown;
}

export async function measureDeskAnalysis(options: DeskAnalysisOptions): Promise<Figure[]> {
  const people = await newTeamMembers(6, 'Desk');
  const [runner, teammate, ...askers] = people as [TeamMember, TeamMember, ...TeamMember[]];
  const browser = await newExtensionBrowser();
  try {
    const channel = await runner.client.createChannel({
      team_id: server.team.id,
      name: `help-bench-${Date.now().toString(36)}`,
      display_name: 'Help (benchmark)',
      type: 'O',
    } as never);
    for (const person of [teammate, ...askers]) await runner.client.addToChannel(person.user.id, channel.id);

    console.log(`  writing ${options.posts.toLocaleString('en')} posts into the help channel…`);
    const questionCount = Math.ceil(options.posts / postsPerQuestion);
    const seedStarted = performance.now();
    const questionIds = await mapConcurrently(Array.from({ length: questionCount }), postsAtOnce, async (_, index) => {
      const asker = askers[index % askers.length] as TeamMember;
      return (await asker.client.createPost({ channel_id: channel.id, message: `Question ${index}: the VPN drops #vpn` } as Post)).id;
    });
    await mapConcurrently(Array.from({ length: options.posts - questionCount }), postsAtOnce, async (_, index) => {
      const answerer = index % 2 === 0 ? runner : teammate;
      await answerer.client.createPost({ channel_id: channel.id, message: 'Looking into it', root_id: questionIds[index % questionCount] } as Post);
    });
    console.log(`  written in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
    const writtenAt = Date.now();

    const tab = await openMattermostAs(browser, runner.user, teammate.user.username);
    await enableCompanion(browser, tab);
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/src/options/options.html`);
    const request: Omit<DeskAnalysisRequest, 'requestId'> = {
      channelIds: [channel.id],
      memberIds: [runner.user.id, teammate.user.id],
      groupId: null,
      solvedEmoji: 'white_check_mark',
      timeZone: 'UTC',
      onDuty: { kind: 'desk-runner' },
      from: Date.now() - 365 * dayMs,
      to: Date.now() + dayMs,
    };

    // Asked again, the tab reads the changes from a minute before its first reading began: a first reading within a
    // minute of the writing would find the channel's last minute of posts changed (more than the server lists at
    // once) and read it all again. A channel is not written that fast in use.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, writtenAt + changesOverlapMs + 1_000 - Date.now())));
    await watchLongTasks(tab);
    const first = await analyseFrom(extensionPage, request, 'first');
    const firstLongestTask = await longestTaskMs(tab);
    // A few more posts, then the same question again: only what changed is read.
    for (const asker of askers.slice(0, 2)) await asker.client.createPost({ channel_id: channel.id, message: 'One more question' } as Post);
    await watchLongTasks(tab);
    const again = await analyseFrom(extensionPage, request, 'again');
    const againLongestTask = await longestTaskMs(tab);
    // Every post read (the channel's join messages come on top), every question found: a fast reading that loses posts would be no figure.
    if (first.postsRead < options.posts || first.questions !== questionCount) {
      throw new Error(`The analysis read ${first.postsRead} of ${options.posts} posts and found ${first.questions} of ${questionCount} questions.`);
    }

    const note =
      `A public channel of ${options.posts.toLocaleString('en')} posts: one in ${postsPerQuestion} a question from one of 4 people outside the team, ` +
      'the rest team replies in the questions’ threads. Asked from an extension page of the answering person’s browser, the desk’s script run in the ' +
      'Mattermost tab first; the tab reads the channel over REST, 200 posts a page, each page the one before the oldest post read, in three parts at once ' +
      '(cut at the posts a third and two thirds of the way down), and folds it into threads. The first reading begins a minute after the channel was written.';
    return [
      figure(section, 'analyse the channel, first time (request → figures)', 'ms', first.ms, `Goal at most 10,000 ms. ${note} ${first.postsRead.toLocaleString('en')} posts read, ${first.questions.toLocaleString('en')} questions found.`),
      figure(section, 'longest main-thread task in the Mattermost tab meanwhile', 'ms', firstLongestTask, 'Goal at most 100 ms. Long Tasks API (tasks of 50 ms and more; 0 means none), page and content script together.'),
      figure(section, 'analyse it again after two more questions (only what changed is read)', 'ms', again.ms, `${again.postsRead} posts read${again.incremental ? ', from the posts changed since the first time' : ''}.`),
      figure(section, 'longest main-thread task in the Mattermost tab, second time', 'ms', againLongestTask),
    ];
  } finally {
    await browser.dispose();
    await retire(people);
  }
}

async function analyseFrom(
  extensionPage: Page,
  request: Omit<DeskAnalysisRequest, 'requestId'>,
  requestId: string,
): Promise<{ ms: number; postsRead: number; questions: number; incremental: boolean }> {
  const { answer, ms } = await extensionPage.evaluate(
    async ({ payload, origin }) => {
      const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
      if (tab?.id === undefined) throw new Error('no Mattermost tab');
      const started = performance.now();
      await chrome.runtime.sendMessage({ companion: 'loadDeskScript', payload: { tabId: tab.id } });
      const reply = (await chrome.tabs.sendMessage(tab.id, { companion: 'analyseSupportChannel', payload })) as AnalysisAnswer;
      return { answer: reply, ms: performance.now() - started };
    },
    { payload: { ...request, requestId }, origin: server.url },
  );
  if (!answer.ok || !answer.value) throw new Error(`The analysis failed: ${JSON.stringify(answer.error)}`);
  return { ms, postsRead: answer.value.postsRead, questions: answer.value.analytics.questions, incremental: answer.value.incremental };
}

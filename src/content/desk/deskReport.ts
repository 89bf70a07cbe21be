import { deskTeamIds } from '../../shared/desk/deskAnswers.ts';
import type { DeskPost } from '../../shared/desk/deskPosts.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { laterReportsOf, reportAlreadyPosted, reportMarkdown, reportProps, type ReportWeek, type ReportWords } from '../../shared/desk/weeklyReport.ts';
import { readableError } from '../../shared/readableError.ts';
import { createReply, deletePost, fetchLastViewedAt } from '../autoReplyRest.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { createDeskAnalysisService } from './deskAnalysis.ts';
import { keepChannelUnread } from './deskResponder.ts';
import { readChangesSince, readNewestPosts } from './supportChannelHistory.ts';

/**
 * Posting the desk's report of a week to the report channel: the support
 * channels read over the week, the figures as Markdown, posted once. A
 * scheduled report is first looked for in the channel (another tab, device
 * or team member may have sent it) and a later twin deleted.
 */

export interface ReportContext {
  readonly api: MattermostApi;
  readonly runnerId: string;
  readonly settings: DeskSettings;
  readonly now: () => number;
  readonly words: ReportWords;
}

export type ReportOutcome = { readonly kind: 'posted'; readonly postId: string; readonly channelId: string } | { readonly kind: 'already-posted' };

/** Reading a minute before the scheduled time covers a server clock a little behind. */
const lookBeforeMs = 60_000;

async function postsSince(api: MattermostApi, channelId: string, since: number): Promise<DeskPost[]> {
  const signal = new AbortController().signal;
  const changes = await readChangesSince(api, channelId, since, signal);
  if (changes) return changes.changed;
  // Over a thousand changes since: the newest page holds a report posted since then, if any was.
  return (await readNewestPosts(api, channelId, signal)).filter((post) => post.createAt >= since);
}

export async function postReport(context: ReportContext, week: ReportWeek, scheduled: boolean): Promise<ReportOutcome> {
  const { api, runnerId, settings } = context;
  const target = settings.weeklyReport.channelId;
  if (!target || settings.channelIds.length === 0) throw readableError('deskReportNeedsChannels', 'the report needs a support channel and a report channel');
  if (scheduled && reportAlreadyPosted(await postsSince(api, target, week.scheduledAt - lookBeforeMs), week.key)) return { kind: 'already-posted' };

  const analysis = createDeskAnalysisService(api, context.now);
  const { analytics } = await analysis.analyse(
    {
      requestId: `report-${week.key}`,
      channelIds: settings.channelIds,
      memberIds: [...deskTeamIds(settings, runnerId)],
      groupId: settings.team.groupId,
      solvedEmoji: settings.solvedEmoji,
      timeZone: settings.timeZone,
      onDuty: settings.onDuty,
      from: week.from,
      to: week.scheduledAt,
    },
    () => undefined,
  );
  const viewedBefore = await fetchLastViewedAt(api, target);
  const created = await createReply(api, {
    channelId: target,
    rootId: '',
    message: reportMarkdown(analytics, week, context.words, settings.enabled),
    props: reportProps(week.key),
    pendingPostId: `${runnerId}:companion-desk-report:${target}:${week.key}`,
  });
  try {
    if (scheduled && laterReportsOf(await postsSince(api, target, week.scheduledAt - lookBeforeMs), week.key, runnerId).includes(created.id)) {
      await deletePost(api, created.id);
      return { kind: 'already-posted' };
    }
    await keepChannelUnread(api, runnerId, target, viewedBefore, created.id);
  } catch {
    // The report is out; what follows it (a twin check, the unread marker) is worth less than saying so.
  }
  return { kind: 'posted', postId: created.id, channelId: target };
}

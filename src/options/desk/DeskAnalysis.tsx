import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { deskAnalyticsCsv, type CsvLabels } from '../../shared/desk/deskCsv.ts';
import { deskTeamIds } from '../../shared/desk/deskAnswers.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { t } from '../../shared/i18n.ts';
import type { DeskAnalysisResult, DeskPerson } from '../../shared/messages.ts';
import { answerExtensionPageMessages } from '../../shared/messaging.ts';
import { askDesk } from './askDesk.ts';
import { workspaceLabel, workspaceUrl } from '../../shared/workspace.ts';
import { Select } from '../../ui/fields.tsx';
import { errorText } from '../../ui/errorText.ts';
import { saveAsFile } from '../../ui/saveAsFile.ts';
import { DeskFigures } from './DeskFigures.tsx';

const dayMs = 24 * 60 * 60_000;
const spans = ['7', '30', '90', '365'] as const;
type Span = (typeof spans)[number];

/** The channel choice that counts every support channel together. */
const allChannels = 'all';

type Run =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly postsRead: number }
  | { readonly kind: 'done'; readonly result: DeskAnalysisResult; readonly span: Span; /** The zone its days and hours were counted in. */ readonly timeZone: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** The support channels' figures over a span of days, together or one channel's, read by the tab on demand; the tab keeps what it read, so asking again is quick. */
export function DeskAnalysis(props: {
  account: Account;
  tabId: number;
  settings: DeskSettings;
  /** "Name (team)" of the channels the account is in. */
  channelNames: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, DeskPerson>;
}) {
  const { account, tabId, settings } = props;
  const [span, setSpan] = useState<Span>('30');
  const [channel, setChannel] = useState<string>(allChannels);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [names, setNames] = useState<ReadonlyMap<string, DeskPerson>>(props.people);
  const requestId = useRef('');
  // Once the desk answers by itself, or has (answers given before it was switched off still count).
  const withAutomaticAnswers = settings.enabled || (run.kind === 'done' && run.result.analytics.answeredAutomatically > 0);

  useEffect(
    () =>
      answerExtensionPageMessages({
        deskAnalysisProgress: async (progress) => {
          if (progress.requestId === requestId.current) setRun((current) => (current.kind === 'reading' ? { kind: 'reading', postsRead: progress.postsRead } : current));
          return null;
        },
      }),
    [],
  );

  const analyse = async () => {
    const channelIds = channel === allChannels ? settings.channelIds : [channel];
    if (channelIds.length === 0) return;
    const id = crypto.randomUUID();
    requestId.current = id;
    setRun({ kind: 'reading', postsRead: 0 });
    const now = Date.now();
    try {
      const result = await askDesk(tabId, 'analyseSupportChannel', {
        requestId: id,
        channelIds,
        // Whoever runs the desk is on the team, as for the desk's own decisions and its weekly report.
        memberIds: [...deskTeamIds(settings, account.userId)],
        groupId: settings.team.groupId,
        solvedEmoji: settings.solvedEmoji,
        timeZone: settings.timeZone,
        onDuty: settings.onDuty,
        from: now - Number(span) * dayMs,
        // A question posted while reading counts too, whatever the clocks say.
        to: now + dayMs,
      });
      if (requestId.current !== id) return;
      const { analytics } = result;
      const askers = [...analytics.topAskers.map((asker) => asker.userId), ...analytics.open.map((question) => question.askerId)];
      const unnamed = [...new Set(askers)].filter((userId) => !names.has(userId));
      // Without names the figures still stand: people are then shown by id.
      const found = unnamed.length > 0 ? await askDesk(tabId, 'lookUpPeople', { userIds: unnamed }).catch(() => []) : [];
      setNames((known) => new Map([...known, ...props.people, ...found.map((person) => [person.id, person] as const)]));
      setRun({ kind: 'done', result, span, timeZone: settings.timeZone });
    } catch (error) {
      if (requestId.current === id) setRun({ kind: 'failed', reason: errorText(error) });
    }
  };

  const nameOf = (userId: string) => names.get(userId)?.username ?? userId;
  const linkTo = (postId: string) => `${workspaceUrl(account.workspace)}/_redirect/pl/${postId}`;

  return (
    <section class="desk-analysis" aria-labelledby="desk-analysis-heading">
      <h3 id="desk-analysis-heading">{t('deskAnalysisHeading')}</h3>
      <div class="inline-fields">
        {settings.channelIds.length > 1 && (
          <Select
            label={t('deskAnalysisChannelLabel')}
            value={channel}
            options={[[allChannels, t('deskAnalysisAllChannels')] as const, ...settings.channelIds.map((id) => [id, props.channelNames.get(id) ?? id] as const)]}
            onChange={(chosen) => {
              // Figures shown are always those of the channel chosen.
              setChannel(chosen);
              setRun({ kind: 'idle' });
              requestId.current = '';
            }}
          />
        )}
        <Select label={t('deskSpanLabel')} value={span} options={spans.map((days) => [days, t('deskSpanDays', [days])] as const)} onChange={setSpan} />
        <button type="button" class="primary" aria-disabled={run.kind === 'reading'} onClick={() => run.kind !== 'reading' && void analyse()}>
          {t('deskAnalyse')}
        </button>
      </div>
      <p role="status" class="visually-hidden">
        {run.kind === 'reading' ? t('deskReading') : ''}
      </p>
      {run.kind === 'reading' && (
        <p class="desk-progress">
          <progress aria-label={t('deskAnalysisProgressLabel')} aria-valuetext={t('deskPostsRead', [String(run.postsRead)])} />
          {t('deskPostsRead', [String(run.postsRead)])}
        </p>
      )}
      {run.kind === 'failed' && (
        <div role="alert" class="problem">
          {t('deskAnalysisFailed', [run.reason])}
        </div>
      )}
      {run.kind === 'done' && (
        <>
          <p role="status" class="help">
            {t(run.result.incremental ? 'deskAnalysedChanges' : 'deskAnalysedPosts', [String(run.result.postsRead), String(Math.round(run.result.tookMs))])}
          </p>
          <DeskFigures analytics={run.result.analytics} nameOf={nameOf} linkTo={linkTo} withAutomaticAnswers={withAutomaticAnswers} timeZone={run.timeZone} />
          <button
            type="button"
            onClick={() =>
              // With a byte-order mark, spreadsheets read the file as UTF-8 (Chinese, emoji).
              saveAsFile(
                `\uFEFF${deskAnalyticsCsv(run.result.analytics, csvLabels(), nameOf, linkTo, withAutomaticAnswers)}`,
                'text/csv;charset=utf-8',
                `companion-desk-${workspaceLabel(account.workspace).replace(/[^\w.-]+/g, '_')}-${run.span}d.csv`,
              )
            }
          >
            {t('deskExportCsv')}
          </button>
        </>
      )}
    </section>
  );
}

function csvLabels(): CsvLabels {
  return {
    figure: t('deskCsvFigure'),
    value: t('deskCsvValue'),
    questions: t('deskQuestions'),
    solved: t('deskSolved'),
    answeredAutomatically: t('deskAnsweredAutomatically'),
    solvedByFeedback: t('deskSolvedByFeedback'),
    firstResponseMedian: t('deskCsvFirstResponseMedian'),
    firstResponseP90: t('deskCsvFirstResponseP90'),
    timeToSolvedMedian: t('deskCsvTimeToSolvedMedian'),
    timeToSolvedP90: t('deskCsvTimeToSolvedP90'),
    date: t('deskCsvDate'),
    weekOf: t('deskWeekOf'),
    openQuestion: t('deskOpenQuestion'),
    askedAt: t('deskAskedAt'),
    askedBy: t('deskAskedBy'),
    ageMinutes: t('deskCsvAgeMinutes'),
    link: t('deskCsvLink'),
    onDuty: t('deskOnDutyLabel'),
    periodStart: t('deskPeriodStart'),
    word: t('deskWord'),
    tag: t('deskTag'),
    asker: t('deskAskedBy'),
  };
}

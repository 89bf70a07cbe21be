import type { DeskAnalytics } from '../../shared/desk/deskAnalytics.ts';
import { t } from '../../shared/i18n.ts';
import { durationText } from '../../ui/durationText.ts';
import { weekdayName } from '../../ui/weekdayName.ts';

/** The desk's figures as tables a screen reader reads cell by cell; the bars and the heatmap only add shading. */
export function DeskFigures(props: {
  analytics: DeskAnalytics;
  nameOf: (userId: string) => string;
  linkTo: (postId: string) => string;
  /** The desk answers by itself (or has): its automatic answers and the questions their 👍 solved are counted. */
  withAutomaticAnswers: boolean;
  /** The desk's time zone, in which its days and hours are counted: times are shown in it too. */
  timeZone: string;
}) {
  const { analytics, nameOf, linkTo, withAutomaticAnswers } = props;
  const weekMost = Math.max(1, ...analytics.perWeek.map((week) => week.questions));
  const hourMost = Math.max(1, ...analytics.busiestHours.flat());
  const dateText = (at: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: props.timeZone }).format(at);

  return (
    <div class="desk-figures">
      <table class="desk-summary">
        <caption>{t('deskSummaryCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('deskQuestions')}</th>
            <td>{analytics.questions}</td>
          </tr>
          <tr>
            <th scope="row">{t('deskSolved')}</th>
            <td>{analytics.solved}</td>
          </tr>
          {withAutomaticAnswers && (
            <>
              <tr>
                <th scope="row">{t('deskAnsweredAutomatically')}</th>
                <td>{analytics.answeredAutomatically}</td>
              </tr>
              <tr>
                <th scope="row">{t('deskSolvedByFeedback')}</th>
                <td>{analytics.solvedByFeedback}</td>
              </tr>
            </>
          )}
          <tr>
            <th scope="row">{t('deskOpenNow')}</th>
            <td>{analytics.openCount}</td>
          </tr>
          <tr>
            <th scope="row">{t('deskFirstResponse')}</th>
            <td>{t('deskMedianAndP90', [durationText(analytics.firstResponse.medianMs), durationText(analytics.firstResponse.p90Ms)])}</td>
          </tr>
          <tr>
            <th scope="row">{t('deskTimeToSolved')}</th>
            <td>{t('deskMedianAndP90', [durationText(analytics.timeToSolved.medianMs), durationText(analytics.timeToSolved.p90Ms)])}</td>
          </tr>
        </tbody>
      </table>

      {analytics.perWeek.length > 0 && (
        <table class="desk-bars">
          <caption>{t('deskPerWeekCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deskWeekOf')}</th>
              <th scope="col">{t('deskQuestions')}</th>
            </tr>
          </thead>
          <tbody>
            {analytics.perWeek.map((week) => (
              <tr key={week.weekOf}>
                <th scope="row">{week.weekOf}</th>
                <td>
                  <span class="bar" style={{ width: `${(week.questions / weekMost) * 100}%` }} aria-hidden="true" />
                  {week.questions}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {analytics.questions > 0 && (
        <div class="heatmap-scroll" tabIndex={0} role="region" aria-label={t('deskHeatmapLabel')}>
          <table class="desk-heatmap">
            <caption>{t('deskBusiestHoursCaption')}</caption>
            <thead>
              <tr>
                <td />
                {Array.from({ length: 24 }, (_, hour) => (
                  <th scope="col" key={hour}>
                    {hour}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[1, 2, 3, 4, 5, 6, 0].map((day) => (
                <tr key={day}>
                  <th scope="row">{weekdayName(day)}</th>
                  {(analytics.busiestHours[day] ?? []).map((questions, hour) => (
                    <td key={hour} style={{ '--heat': String(questions / hourMost) }} class={questions > 0 ? 'hot' : undefined}>
                      {questions > 0 ? questions : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div class="desk-lists">
        <RankedList caption={t('deskTopAskersCaption')} rows={analytics.topAskers.map((asker) => [`@${nameOf(asker.userId)}`, asker.questions])} />
        <RankedList caption={t('deskCommonWordsCaption')} rows={analytics.commonWords.map((word) => [word.word, word.questions])} />
        <RankedList caption={t('deskCommonTagsCaption')} rows={analytics.commonTags.map((tag) => [`#${tag.tag}`, tag.questions])} />
      </div>

      {analytics.onDutyPeriods.some((period) => period.userId !== undefined) && (
        <table>
          <caption>{t('deskOnDutyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deskPeriodStart')}</th>
              <th scope="col">{t('deskOnDutyLabel')}</th>
              <th scope="col">{t('deskQuestions')}</th>
              <th scope="col">{t('deskSolved')}</th>
              <th scope="col">{t('deskFirstResponseMedian')}</th>
            </tr>
          </thead>
          <tbody>
            {analytics.onDutyPeriods.map((period) => (
              <tr key={`${period.firstDay}/${period.userId ?? ''}`}>
                <th scope="row">{period.firstDay}</th>
                <td>{period.userId === undefined ? t('deskOnDutyRunner') : `@${nameOf(period.userId)}`}</td>
                <td>{period.questions}</td>
                <td>{period.solved}</td>
                <td>{durationText(period.firstResponse.medianMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <table class="desk-open">
        <caption>
          {t('deskOpenCaption', [String(analytics.openCount)])}
          {analytics.openCount > analytics.open.length && ` ${t('deskOpenShown', [String(analytics.open.length)])}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('deskOpenQuestion')}</th>
            <th scope="col">{t('deskAskedBy')}</th>
            <th scope="col">{t('deskAskedAtIn', [props.timeZone])}</th>
            <th scope="col">{t('deskAge')}</th>
            <th scope="col">{t('deskAnsweredByTeam')}</th>
          </tr>
        </thead>
        <tbody>
          {analytics.open.map((question) => (
            <tr key={question.id}>
              <td>
                <a href={linkTo(question.id)} target="_blank" rel="noreferrer">
                  {question.message.length > 80 ? `${question.message.slice(0, 79)}…` : question.message || t('deskNoText')}
                </a>
              </td>
              <td>@{nameOf(question.askerId)}</td>
              <td>{dateText(question.createAt)}</td>
              <td>{durationText(question.ageMs)}</td>
              <td>{question.answeredByTeam ? t('deskYes') : t('deskNo')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RankedList(props: { caption: string; rows: ReadonlyArray<readonly [string, number]> }) {
  if (props.rows.length === 0) return null;
  return (
    <table class="desk-ranked">
      <caption>{props.caption}</caption>
      <tbody>
        {props.rows.map(([label, count]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import type { DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { onDeskActivityChanged, readDeskActivity } from '../../shared/desk/deskStore.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { DeskPerson } from '../../shared/messages.ts';
import { workspaceUrl } from '../../shared/workspace.ts';
import { errorText } from '../../ui/errorText.ts';

type Reading = { readonly kind: 'reading' } | { readonly kind: 'read'; readonly entries: readonly DeskActivityEntry[] } | { readonly kind: 'failed'; readonly reason: string };

const formatWhen = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** A calendar date, kept in UTC so that no time zone moves it to the day before. */
const formatDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** What failed, by what was being done; an entry from before actions were recorded was an answer. */
const failureMessages = {
  answer: 'deskActivityAnswerFailed',
  'mark-solved': 'deskActivityMarkSolvedFailed',
  remind: 'deskActivityRemindFailed',
  welcome: 'deskActivityWelcomeFailed',
  report: 'deskActivityReportFailed',
  team: 'deskActivityTeamFailed',
} as const satisfies Record<NonNullable<DeskActivityEntry['action']>, MessageKey>;

/** What the desk did for the account, newest first, following every change: answers, questions solved by feedback, and what failed with why. */
export function DeskActivityList({ account, people }: { account: Account; people: ReadonlyMap<string, DeskPerson> }) {
  const [reading, setReading] = useState<Reading>({ kind: 'reading' });

  useEffect(() => {
    let latest = 0;
    let live = true;
    // Reads started by quick changes may end out of order: only the last one counts.
    const load = () => {
      const read = ++latest;
      readDeskActivity(account).then(
        (entries) => live && read === latest && setReading({ kind: 'read', entries }),
        (error: unknown) => live && read === latest && setReading({ kind: 'failed', reason: errorText(error) }),
      );
    };
    load();
    const stopListening = onDeskActivityChanged(account, load);
    return () => {
      live = false;
      stopListening();
    };
  }, [account.workspace.origin, account.workspace.basePath, account.userId]);

  const linkTo = (postId: string) => `${workspaceUrl(account.workspace)}/_redirect/pl/${postId}`;

  return (
    <section class="desk-activity" aria-labelledby="desk-activity-heading">
      <h3 id="desk-activity-heading">{t('deskActivityHeading')}</h3>
      {reading.kind === 'failed' && (
        <div role="alert" class="problem">
          {t('deskActivityReadFailed', [reading.reason])}
        </div>
      )}
      {reading.kind === 'read' &&
        (reading.entries.length === 0 ? (
          <p class="empty">{t('deskActivityNone')}</p>
        ) : (
          <table aria-labelledby="desk-activity-heading">
            <thead>
              <tr>
                <th scope="col">{t('deskActivityWhen')}</th>
                <th scope="col">{t('deskActivityWhat')}</th>
                <th scope="col">{t('deskActivityPerson')}</th>
                <th scope="col">{t('deskActivityThread')}</th>
              </tr>
            </thead>
            <tbody>
              {reading.entries.map((entry) => (
                <tr key={`${entry.kind}-${entry.questionId}-${entry.at}`} class={entry.kind === 'failed' ? 'activity-failed' : undefined}>
                  <td>
                    <time dateTime={new Date(entry.at).toISOString()}>{formatWhen.format(entry.at)}</time>
                  </td>
                  <td>{describeDeskActivityEntry(entry, (userId) => `@${people.get(userId)?.username ?? userId}`)}</td>
                  <td>@{people.get(entry.askerId)?.username ?? entry.askerId}</td>
                  <td>
                    {entry.questionId && (
                      <a href={linkTo(entry.questionId)} target="_blank" rel="noreferrer">
                        {t('deskActivityOpenThread')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

function describeDeskActivityEntry(entry: DeskActivityEntry, mention: (userId: string) => string): string {
  const done = whatHappened(entry, mention);
  // What the desk posted, but whose twin check or unread marker failed afterwards, says so beside it.
  const what =
    entry.kind === 'welcomed' && entry.deliveredAs === 'direct-message'
      ? t('deskActivityWelcomedByDirectMessage', [entry.reason ?? ''])
      : (entry.kind === 'answered' || entry.kind === 'reminded') && entry.reason
        ? t('deskActivityAnsweredButAfterwards', [done, entry.reason])
        : done;
  return entry.late ? t('deskActivityLate', [what]) : what;
}

function whatHappened(entry: DeskActivityEntry, mention: (userId: string) => string): string {
  switch (entry.kind) {
    case 'answered':
      return entry.ruleNumber === undefined ? t('deskAnsweredAutomatically') : t('deskActivityAnswered', [String(entry.ruleNumber)]);
    case 'solved-by-feedback':
      return t('deskSolvedByFeedback');
    case 'welcomed':
      return t('deskActivityWelcomed');
    case 'reminded':
      return t('deskActivityReminded', [mention(entry.onDutyId ?? ''), String(entry.reminderNumber ?? 1)]);
    case 'reported':
      return t('deskActivityReported', [dayText(entry.reportWeek ?? '')]);
    case 'failed':
      return t(failureMessages[entry.action ?? 'answer'], [entry.reason ?? '']);
  }
}

/** "3 Mar 2025" for "2025-03-03"; a date that does not read as one, as it is. */
function dayText(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) ? day : formatDay.format(at);
}

import { useState } from 'preact/hooks';
import { filterActivity, repliesPerDay, type ActivityEntry, type ActivityFilter } from '../../shared/autoReply/activity.ts';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { t } from '../../shared/i18n.ts';
import { workspaceUrl } from '../../shared/workspace.ts';
import { Select, TextField } from '../fields.tsx';
import { PendingRetries } from './PendingRetries.tsx';
import { RepliesChart } from './RepliesChart.tsx';
import { useActivity } from './useActivity.ts';

const entriesShown = 50;
const chartDays = 14;
const formatWhen = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const formatTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Everything auto-reply did for the account: a chart of replies per day and the entries, filtered by kind and sender. */
export function ActivityLog({ account }: { account: Account }) {
  const entries = useActivity(account);
  const [filter, setFilter] = useState<ActivityFilter>('all');
  const [sender, setSender] = useState('');
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const permalink = (postId: string) => `${workspaceUrl(account.workspace)}/_redirect/pl/${postId}`;
  const shown = filterActivity(entries, filter, sender);

  return (
    <section class="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('activityHeading')}</h2>
      <PendingRetries account={account} />
      {entries.length === 0 ? (
        <p class="empty">{t('activityNone')}</p>
      ) : (
        <>
          <RepliesChart counts={repliesPerDay(entries, Date.now(), chartDays, timeZone)} />
          <div class="filters">
            <Select
              label={t('activityFilterLabel')}
              value={filter}
              options={[
                ['all', t('activityFilterAll')],
                ['replied', t('activityFilterReplied')],
                ['failed', t('activityFilterFailed')],
                ['missed', t('activityFilterMissed')],
              ]}
              onChange={setFilter}
            />
            <TextField label={t('activitySenderLabel')} value={sender} onChange={setSender} />
          </div>
          {shown.length === 0 ? (
            <p class="empty" role="status">
              {t('activityNoneMatching')}
            </p>
          ) : (
            <ul class="activity-list">
              {shown.slice(0, entriesShown).map((entry) => (
                <li key={`${entry.kind}-${entry.postId}`} class={`activity-${entry.kind}`}>
                  <span>{describeActivityEntry(entry)}</span>{' '}
                  <time dateTime={new Date(entry.at).toISOString()}>{formatWhen.format(entry.at)}</time>{' '}
                  <a href={permalink(entry.postId)} target="_blank" rel="noreferrer">
                    {t('activityOpen')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function describeActivityEntry(entry: ActivityEntry): string {
  switch (entry.kind) {
    case 'replied':
      if (entry.unreadNotKept) return t('activityUnreadNotKept', [entry.senderName, entry.unreadNotKept]);
      return t(entry.late ? 'activityRepliedLate' : 'activityReplied', [entry.senderName]);
    case 'failed':
      if (entry.unreachableFrom !== undefined && entry.unreachableUntil !== undefined) {
        return t('activityUnreachable', [entry.senderName, formatTime.format(entry.unreachableFrom), formatTime.format(entry.unreachableUntil), entry.reason ?? '']);
      }
      return t('activityFailed', [entry.senderName, entry.reason ?? '']);
    case 'missed':
      return t('activityMissed', [entry.senderName]);
  }
}

import { useEffect, useState } from 'preact/hooks';
import { repliesPerDay, type ActivityEntry } from '../../shared/autoReply/activity.ts';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { onActivityChanged, readActivity } from '../../shared/autoReply/autoReplyStore.ts';
import { t } from '../../shared/i18n.ts';
import type { UnansweredConversation } from '../../shared/messages.ts';
import { sendToTab } from '../../shared/messaging.ts';
import { workspaceUrl } from '../../shared/workspace.ts';
import { PendingRetries } from './PendingRetries.tsx';
import { RepliesChart } from './RepliesChart.tsx';

const entriesShown = 10;
const chartDays = 14;
const formatWhen = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const formatTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Recent auto-replies with a chart, and once auto-reply is off, the conversations still waiting for the user. */
export function ActivityPanel({ account, tabId, autoReplyOn }: { account: Account; tabId: number; autoReplyOn: boolean }) {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [unanswered, setUnanswered] = useState<UnansweredConversation[] | undefined>(undefined);

  useEffect(() => {
    const load = () => void readActivity(account).then(setEntries);
    load();
    return onActivityChanged(account, load);
  }, [account.userId]);

  useEffect(() => {
    if (autoReplyOn) {
      setUnanswered(undefined);
      return;
    }
    sendToTab(tabId, 'listUnansweredConversations', null).then(setUnanswered, () => setUnanswered(undefined));
  }, [tabId, autoReplyOn, entries.length]);

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const permalink = (postId: string) => `${workspaceUrl(account.workspace)}/_redirect/pl/${postId}`;

  return (
    <>
      {unanswered && entries.some((entry) => entry.kind === 'replied') && (
        <section class="digest" aria-labelledby="digest-heading">
          <h2 id="digest-heading">{t('digestHeading')}</h2>
          {unanswered.length === 0 ? (
            <p>{t('digestEmpty')}</p>
          ) : (
            <>
              <p>{t('digestIntro')}</p>
              <ul>
                {unanswered.map((conversation) => (
                  <li key={conversation.channelId}>
                    <a href={conversation.link} target="_blank" rel="noreferrer">
                      {conversation.senderName}
                    </a>{' '}
                    <time dateTime={new Date(conversation.repliedAt).toISOString()}>{formatWhen.format(conversation.repliedAt)}</time>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <section class="activity" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t('activityHeading')}</h2>
        <PendingRetries account={account} />
        <RepliesChart counts={repliesPerDay(entries, Date.now(), chartDays, timeZone)} />
        {entries.length === 0 ? (
          <p>{t('activityNone')}</p>
        ) : (
          <ul class="activity-list">
            {entries.slice(0, entriesShown).map((entry) => (
              <li key={`${entry.kind}-${entry.postId}`} class={`activity-${entry.kind}`}>
                <span>{describeEntry(entry)}</span>{' '}
                <time dateTime={new Date(entry.at).toISOString()}>{formatWhen.format(entry.at)}</time>{' '}
                <a href={permalink(entry.postId)} target="_blank" rel="noreferrer">
                  {t('activityOpen')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function describeEntry(entry: ActivityEntry): string {
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

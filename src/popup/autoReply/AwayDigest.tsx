import { useEffect, useState } from 'preact/hooks';
import { summarizeToday, unansweredToday, type ActivityEntry } from '../../shared/autoReply/activity.ts';
import { t } from '../../shared/i18n.ts';
import type { UnansweredConversation } from '../../shared/messages.ts';
import { sendToTab } from '../../shared/messaging.ts';
import { describeActivityEntry } from '../../ui/autoReply/ActivityLog.tsx';

const formatWhen = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
/** The popup names this many waiting conversations, the newest; the rest are counted. */
const waitingListed = 2;

/** Messages without a reply that the popup names; more are counted, and listed on the options page. */
const problemsNamed = 2;

/**
 * "3 replies today · 1 not answered": the popup's activity, with the newest
 * messages that got no reply named, so a failure never hides behind a count.
 * The full list is on the options page.
 */
export function ActivitySummaryLine({ entries }: { entries: readonly ActivityEntry[] }) {
  const now = Date.now();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { repliedToday, notAnsweredToday } = summarizeToday(entries, now, timeZone);
  const parts = [repliedToday === 1 ? t('summaryRepliedOne') : t('summaryReplied', [String(repliedToday)])];
  if (notAnsweredToday > 0) parts.push(t('summaryNotAnswered', [String(notAnsweredToday)]));
  const named = unansweredToday(entries, now, timeZone, problemsNamed);
  return (
    <>
      <p class="summary">{parts.join(' · ')}</p>
      {named.length > 0 && (
        <ul class="summary-problems">
          {named.map((entry) => (
            <li key={`${entry.kind}-${entry.postId}`} class="problem">
              {describeActivityEntry(entry)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Once auto-reply is off: the conversations it answered that still wait for the user, the first few as links. */
export function AwayDigest({ tabId, entries }: { tabId: number; entries: readonly ActivityEntry[] }) {
  const [unanswered, setUnanswered] = useState<UnansweredConversation[] | undefined>(undefined);
  useEffect(() => {
    sendToTab(tabId, 'listUnansweredConversations', null).then(setUnanswered, () => setUnanswered(undefined));
  }, [tabId, entries.length]);

  if (!unanswered || !entries.some((entry) => entry.kind === 'replied')) return null;
  return (
    <section class="digest" aria-labelledby="digest-heading">
      <h2 id="digest-heading">{t('digestHeading')}</h2>
      <p id="digest-intro" class="visually-hidden">
        {t('digestIntro')}
      </p>
      {unanswered.length === 0 ? (
        <p>{t('digestEmpty')}</p>
      ) : (
        <>
          <ul aria-describedby="digest-intro">
            {unanswered.slice(0, waitingListed).map((conversation) => (
              <li key={conversation.channelId}>
                <a href={conversation.link} target="_blank" rel="noreferrer">
                  {conversation.senderName}
                </a>{' '}
                <time dateTime={new Date(conversation.repliedAt).toISOString()}>{formatWhen.format(conversation.repliedAt)}</time>
              </li>
            ))}
          </ul>
          {unanswered.length > waitingListed && <p class="digest-more">{t('digestMore', [String(unanswered.length - waitingListed)])}</p>}
        </>
      )}
    </section>
  );
}

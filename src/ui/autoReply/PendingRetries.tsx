import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { onPendingRepliesChanged, readPendingReplies } from '../../shared/autoReply/autoReplyStore.ts';
import type { PendingReply } from '../../shared/autoReply/pendingReplies.ts';
import { t } from '../../shared/i18n.ts';

const formatTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Messages in the retry queue: not answered yet, not given up either. Says nothing when there are none. */
export function PendingRetries({ account }: { account: Account }) {
  const [pending, setPending] = useState<PendingReply[]>([]);
  useEffect(() => {
    const load = () => void readPendingReplies(account).then(setPending);
    load();
    return onPendingRepliesChanged(account, load);
  }, [account.userId]);
  if (pending.length === 0) return null;
  const since = Math.min(...pending.map((entry) => entry.firstFailedAt));
  return (
    <p class="pending-retries" role="status">
      {t('activityPendingRetry', [String(pending.length), formatTime.format(since), pending[pending.length - 1]?.reason ?? ''])}
    </p>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { ActivityEntry } from '../../shared/autoReply/activity.ts';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { onActivityChanged, readActivity } from '../../shared/autoReply/autoReplyStore.ts';

/** The account's activity, newest first, following every change. */
export function useActivity(account: Account): ActivityEntry[] {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  useEffect(() => {
    const load = () => void readActivity(account).then(setEntries);
    load();
    return onActivityChanged(account, load);
  }, [account.workspace.origin, account.workspace.basePath, account.userId]);
  return entries;
}

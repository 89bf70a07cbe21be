import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import type { DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { onDeskActivityChanged, onDeskSettingsChanged, readDeskActivity, readDeskSettings, type StoredDeskSettings } from '../../shared/desk/deskStore.ts';
import { t } from '../../shared/i18n.ts';
import { errorText } from '../../ui/errorText.ts';
import { deskToday } from './deskToday.ts';

type DeskState =
  | { readonly kind: 'reading' }
  | { readonly kind: 'read'; readonly stored: StoredDeskSettings; readonly entries: readonly DeskActivityEntry[] }
  | { readonly kind: 'failed'; readonly reason: string };

/** The desk's stored settings and activity, following every change of either. */
function useDeskState(account: Account): DeskState {
  const [stored, setStored] = useState<StoredDeskSettings | undefined>(undefined);
  const [entries, setEntries] = useState<readonly DeskActivityEntry[] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let settingsChanged = false;
    let latestActivityRead = 0;
    const fail = (error: unknown) => live && setFailure(errorText(error));
    // A change that comes while the first read is on its way is newer than what that read gives.
    readDeskSettings(account).then((read) => live && !settingsChanged && setStored(read), fail);
    const stopSettings = onDeskSettingsChanged(account, (changed) => {
      settingsChanged = true;
      setStored(changed);
    });
    // Reads started by quick changes may end out of order: only the last one counts.
    const loadActivity = () => {
      const read = ++latestActivityRead;
      readDeskActivity(account).then((found) => live && read === latestActivityRead && setEntries(found), fail);
    };
    loadActivity();
    const stopActivity = onDeskActivityChanged(account, loadActivity);
    return () => {
      live = false;
      stopSettings();
      stopActivity();
    };
  }, [account.workspace.origin, account.workspace.basePath, account.userId]);

  if (failure !== undefined) return { kind: 'failed', reason: failure };
  return stored && entries ? { kind: 'read', stored, entries } : { kind: 'reading' };
}

/**
 * One line on the account's support desk, under auto-reply's: what it did
 * today, what failed, or that its settings need attention; nothing while all
 * of it is off. The full list is on the options page.
 */
export function DeskSummary({ account, running }: { account: Account; /** A tab of this browser leads for the account, so the desk acts. */ running: boolean }) {
  const state = useDeskState(account);
  if (state.kind === 'reading') return null;
  if (state.kind === 'failed') {
    return (
      <p class="summary problem" role="status">
        {t('deskSummaryReadFailed', [state.reason])}
      </p>
    );
  }
  const today = deskToday(state.stored, state.entries, Date.now());
  if (today.kind === 'off') return null;
  if (today.kind !== 'needs-attention' && !running) {
    return (
      <p class="summary problem" role="status">
        {t('deskSummaryNotRunning')}
      </p>
    );
  }
  if (today.kind === 'needs-attention') {
    return (
      <p class="summary problem" role="status">
        {t('deskSummaryNeedsAttention')}
      </p>
    );
  }
  const { answered, reminded, solvedByFeedback, failed } = today.day;
  if (answered + reminded + solvedByFeedback + failed === 0) {
    return (
      <p class="summary" role="status">
        {t('deskSummaryNothingYet')}
      </p>
    );
  }
  const done = t('deskSummaryToday', [
    t('deskSummaryAnswered', [String(answered)]),
    reminded === 1 ? t('deskSummaryRemindedOne') : t('deskSummaryReminded', [String(reminded)]),
    t('deskSummarySolved', [String(solvedByFeedback)]),
  ]);
  return (
    <p class="summary" role="status">
      {done}
      {failed > 0 && (
        <>
          {' · '}
          <strong class="summary-failed">{t('deskSummaryFailed', [String(failed)])}</strong>
        </>
      )}
    </p>
  );
}

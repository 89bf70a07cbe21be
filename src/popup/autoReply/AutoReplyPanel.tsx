import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { decideAutoReplyHealth } from '../../shared/autoReply/autoReplyHealth.ts';
import { isAutoReplyActive } from '../../shared/autoReply/schedule.ts';
import { t } from '../../shared/i18n.ts';
import type { AutoReplyTabStatus } from '../../shared/messages.ts';
import { sendToTab } from '../../shared/messaging.ts';
import type { Workspace } from '../../shared/workspace.ts';
import { AutoReplySwitch, SaveOutcome } from '../../ui/autoReply/AutoReplySwitch.tsx';
import { describeSettingsProblem } from '../../ui/autoReply/settingsProblems.ts';
import { useActivity } from '../../ui/autoReply/useActivity.ts';
import { useAccountSettings } from '../../ui/autoReply/useAccountSettings.ts';
import { NumberField, TextArea } from '../../ui/fields.tsx';
import { SettingsIcon } from '../../ui/icons.tsx';
import { openOptionsPage } from '../../ui/optionsLink.ts';
import { ActivitySummaryLine, AwayDigest } from './AwayDigest.tsx';
import { HealthLine } from '../../ui/autoReply/HealthLine.tsx';
import { DeskSummary } from '../desk/DeskSummary.tsx';

const statusRefreshMs = 2_000;

/**
 * Auto-reply for the account signed in in the tab. The tab is asked every
 * few seconds what it knows (who is signed in, its socket, who leads), so a
 * sign-in, sign-out or change of account shows at once.
 */
export function AutoReplyPanel({ workspace, tabId }: { workspace: Workspace; tabId: number }) {
  const [status, setStatus] = useState<AutoReplyTabStatus | undefined>(undefined);

  useEffect(() => {
    const refresh = () => sendToTab(tabId, 'describeAutoReply', null).then(setStatus, () => setStatus(undefined));
    void refresh();
    const timer = setInterval(refresh, statusRefreshMs);
    return () => clearInterval(timer);
  }, [tabId]);

  if (!status) return null;
  if (status.account.state !== 'signed-in') {
    return (
      <section class="auto-reply" aria-labelledby="auto-reply-heading">
        <h2 id="auto-reply-heading">{t('autoReplyHeading')}</h2>
        <HealthLine health={status.health} tabId={tabId} serverOffsetMs={status.serverOffsetMs} />
      </section>
    );
  }
  const account: Account = { workspace, userId: status.account.userId };
  return <AccountAutoReplyPanel key={account.userId} account={account} tabId={tabId} status={status} />;
}

/**
 * The account's everyday settings: the switch, the message and the interval,
 * with a line of today's activity and one of the support desk's. Every
 * change is validated and, when valid, saved at once; open tabs pick it up
 * without a reload. Everything else is on the options page, one click away.
 */
function AccountAutoReplyPanel({ account, tabId, status }: { account: Account; tabId: number; status: AutoReplyTabStatus }) {
  const editor = useAccountSettings(account, status.serverOffsetMs);
  const entries = useActivity(account);
  if (!editor) return null;
  const { stored, draft, problems, saved, failure, change, setEnabled } = editor;

  const now = Date.now() + status.serverOffsetMs;
  // The same decision as the tab's, with the settings as they are being edited.
  const health = decideAutoReplyHealth({
    ...status,
    now,
    settings: stored.settings,
    settingsProblems: stored.ok ? [] : stored.problems,
  });

  return (
    <section class="auto-reply" aria-labelledby="auto-reply-heading">
      <div class="switch-row">
        <h2 id="auto-reply-heading">{t('autoReplyHeading')}</h2>
        <button type="button" class="link-button all-settings" onClick={() => void openOptionsPage(account)}>
          <SettingsIcon />
          {t('allSettingsButton')}
        </button>
        <AutoReplySwitch enabled={stored.settings.enabled} onChange={setEnabled} />
      </div>
      <HealthLine health={health} tabId={tabId} serverOffsetMs={status.serverOffsetMs} />
      {!stored.ok && (
        <div role="alert" class="problem">
          {t('settingsStoredInvalid')} {stored.problems.map(describeSettingsProblem).join('; ')}
        </div>
      )}
      <TextArea label={t('replyMessageLabel')} help={t('replyMessageHelp')} rows={2} value={draft.message} onChange={(message) => change({ message })} />
      <NumberField
        label={t('minutesBetweenRepliesLabel')}
        inline
        min={1}
        max={10080}
        value={draft.minutesBetweenReplies}
        onChange={(minutesBetweenReplies) => change({ minutesBetweenReplies })}
      />
      <SaveOutcome problems={problems} saved={saved} failure={failure} />
      <div class="summary-lines">
        <ActivitySummaryLine entries={entries} />
        <DeskSummary account={account} running={status.leadership !== 'none'} />
      </div>
      {stored.ok && !isAutoReplyActive(stored.settings, now) && <AwayDigest tabId={tabId} entries={entries} />}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { decideAutoReplyHealth } from '../../shared/autoReply/autoReplyHealth.ts';
import { onAutoReplySettingsChanged, readAutoReplySettings, writeAutoReplySettings, type StoredSettings } from '../../shared/autoReply/autoReplyStore.ts';
import { catchUpPointFromClock } from '../../shared/autoReply/catchUpPoint.ts';
import { isAutoReplyActive } from '../../shared/autoReply/schedule.ts';
import type { AutoReplySettings } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import type { AutoReplyTabStatus } from '../../shared/messages.ts';
import { sendToTab } from '../../shared/messaging.ts';
import { workspaceLabel, type Workspace } from '../../shared/workspace.ts';
import { ActivityPanel } from './ActivityPanel.tsx';
import { ContentRulesEditor } from './ContentRulesEditor.tsx';
import { Checkbox, Fieldset, NumberField, TextArea, TextField } from './fields.tsx';
import { HealthLine } from './HealthLine.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';
import { SettingsTransfer } from './SettingsTransfer.tsx';

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
 * The account's auto-reply settings. Every change is validated and, when
 * valid, saved at once; open tabs pick it up without a reload. Invalid input
 * stays in the form, unsaved, with the reason beside it.
 */
function AccountAutoReplyPanel({ account, tabId, status }: { account: Account; tabId: number; status: AutoReplyTabStatus }) {
  const [stored, setStored] = useState<StoredSettings | undefined>(undefined);
  const [draft, setDraft] = useState<AutoReplySettings | undefined>(undefined);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void readAutoReplySettings(account).then((initial) => {
      setStored(initial);
      setDraft(initial.settings);
    });
    return onAutoReplySettingsChanged(account, setStored);
  }, [account.userId]);

  if (!draft || !stored) return null;

  // Switched on now, by the server's clock: catching up later starts here, even if the tab closes before it notes it too.
  const switchedOnAt = (candidate: unknown) =>
    !stored.settings.enabled && (candidate as Partial<AutoReplySettings> | null)?.enabled === true
      ? catchUpPointFromClock(Date.now() + status.serverOffsetMs)
      : undefined;
  const save = async (candidate: unknown): Promise<readonly string[]> => {
    const found = await writeAutoReplySettings(account, candidate, switchedOnAt(candidate));
    setProblems(found);
    setSaved(found.length === 0);
    return found;
  };
  const change = (patch: Partial<AutoReplySettings>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    void save(next);
  };
  const importSettings = async (candidate: unknown) => {
    const found = await writeAutoReplySettings(account, candidate, switchedOnAt(candidate));
    if (found.length === 0) {
      const reread = await readAutoReplySettings(account);
      setDraft(reread.settings);
      setProblems([]);
    }
    return found;
  };
  const now = Date.now() + status.serverOffsetMs;
  // The same decision as the tab's, with the settings as they are being edited.
  const health = decideAutoReplyHealth({
    ...status,
    now,
    settings: stored.ok ? draft : stored.settings,
    settingsProblems: stored.ok ? [] : stored.problems,
  });

  return (
    <section class="auto-reply" aria-labelledby="auto-reply-heading">
      <div class="switch-row">
        <h2 id="auto-reply-heading">{t('autoReplyHeading')}</h2>
        <button
          type="button"
          role="switch"
          aria-checked={draft.enabled}
          aria-label={t('autoReplySwitch')}
          class="switch"
          onClick={() => change({ enabled: !draft.enabled })}
        >
          <span aria-hidden="true">{draft.enabled ? t('badgeAutoReplyOn') : ''}</span>
        </button>
      </div>
      <HealthLine health={health} tabId={tabId} serverOffsetMs={status.serverOffsetMs} />
      {!stored.ok && (
        <div role="alert" class="problem">
          {t('settingsStoredInvalid')} {stored.problems.join('; ')}
        </div>
      )}

      <TextArea label={t('replyMessageLabel')} help={t('replyMessageHelp')} value={draft.message} onChange={(message) => change({ message })} />
      <NumberField label={t('minutesBetweenRepliesLabel')} min={1} max={10080} value={draft.minutesBetweenReplies} onChange={(minutesBetweenReplies) => change({ minutesBetweenReplies })} />
      <ScheduleFields schedule={draft.schedule} onChange={(schedule) => change({ schedule })} />
      <Fieldset legend={t('replyToLegend')}>
        <Checkbox label={t('replyToDirect')} checked={draft.replyTo.directMessages} onChange={(directMessages) => change({ replyTo: { ...draft.replyTo, directMessages } })} />
        <Checkbox label={t('replyToGroup')} checked={draft.replyTo.groupMessages} onChange={(groupMessages) => change({ replyTo: { ...draft.replyTo, groupMessages } })} />
        <Checkbox label={t('replyToMentions')} checked={draft.replyTo.channelMentions} onChange={(channelMentions) => change({ replyTo: { ...draft.replyTo, channelMentions } })} />
        {draft.replyTo.channelMentions && (
          <Checkbox
            label={t('replyToChannelWide')}
            checked={draft.replyTo.channelWideMentions}
            onChange={(channelWideMentions) => change({ replyTo: { ...draft.replyTo, channelWideMentions } })}
          />
        )}
      </Fieldset>
      <TextField
        label={t('pauseKeywordsLabel')}
        value={draft.pauseKeywords.join(', ')}
        onChange={(text) => change({ pauseKeywords: text.split(/[,，、\n]/).map((word) => word.trim()).filter(Boolean) })}
      />
      <NumberField label={t('minutesAfterPauseLabel')} min={1} max={10080} value={draft.minutesAfterPause} onChange={(minutesAfterPause) => change({ minutesAfterPause })} />
      <NumberField label={t('catchUpMinutesLabel')} min={1} max={1440} value={draft.catchUpMinutes} onChange={(catchUpMinutes) => change({ catchUpMinutes })} />
      <ContentRulesEditor rules={draft.rules} onChange={(rules) => change({ rules })} />

      {problems.length > 0 ? (
        <div role="alert" class="problem">
          {t('settingsNotSaved')} {problems.join('; ')}
        </div>
      ) : (
        saved && (
          <p role="status" class="saved">
            {t('settingsSaved')}
          </p>
        )
      )}
      <SettingsTransfer settings={draft} fileName={`companion-auto-reply-${workspaceLabel(account.workspace).replace(/[^\w.-]+/g, '_')}.json`} onImport={importSettings} />
      <ActivityPanel account={account} tabId={tabId} autoReplyOn={isAutoReplyActive(draft, now)} />
    </section>
  );
}

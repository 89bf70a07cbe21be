import { useEffect, useState } from 'preact/hooks';
import { decideAutoReplyHealth } from '../shared/autoReply/autoReplyHealth.ts';
import { readKnownAccounts } from '../shared/autoReply/autoReplyStore.ts';
import { onEnabledWorkspacesChanged, readEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { t } from '../shared/i18n.ts';
import { workspaceLabel } from '../shared/workspace.ts';
import { ActivityLog } from '../ui/autoReply/ActivityLog.tsx';
import { AutoReplySwitch, SaveOutcome } from '../ui/autoReply/AutoReplySwitch.tsx';
import { ContentRulesEditor } from '../ui/autoReply/ContentRulesEditor.tsx';
import { HealthLine } from '../ui/autoReply/HealthLine.tsx';
import { ScheduleFields } from '../ui/autoReply/ScheduleFields.tsx';
import { describeSettingsProblem } from '../ui/autoReply/settingsProblems.ts';
import { SettingsTransfer } from '../ui/autoReply/SettingsTransfer.tsx';
import { useAccountSettings } from '../ui/autoReply/useAccountSettings.ts';
import { Checkbox, ListField, NumberField, Select, TextArea } from '../ui/fields.tsx';
import { choicesFor, initialChoice, type AccountChoice } from './accountChoice.ts';
import { DeskSection } from './desk/DeskSection.tsx';
import { PacketHistory } from './PacketHistory.tsx';
import { useWorkspaceTab } from './useWorkspaceTab.ts';

/**
 * Every setting of every account on every enabled workspace, in a tab of its
 * own. The popup opens it on the account of the tab it was opened from.
 */
export function OptionsApp() {
  const [choices, setChoices] = useState<AccountChoice[] | undefined>(undefined);
  const [chosenKey, setChosenKey] = useState<string | undefined>(undefined);

  useEffect(() => {
    const load = async () => {
      const workspaces = await readEnabledWorkspaces();
      const next = choicesFor(await Promise.all(workspaces.map(async (workspace) => ({ workspace, known: await readKnownAccounts(workspace) }))));
      setChoices(next);
      setChosenKey((key) => (next.some((choice) => choice.key === key) ? key : initialChoice(next, location.search)?.key));
    };
    void load();
    return onEnabledWorkspacesChanged(() => void load());
  }, []);

  const chosen = choices?.find((choice) => choice.key === chosenKey);
  return (
    <>
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        {choices && choices.length > 0 && (
          <Select
            label={t('optionsAccountLabel')}
            value={chosenKey ?? ''}
            options={choices.map((choice) => [choice.key, describeChoice(choice)] as const)}
            onChange={setChosenKey}
          />
        )}
      </header>
      {!choices ? (
        <p role="status">{t('popupLoading')}</p>
      ) : chosen ? (
        <AccountOptions key={chosen.key} choice={chosen} />
      ) : (
        <p class="card empty">{t('optionsNoAccount')}</p>
      )}
    </>
  );
}

function describeChoice(choice: AccountChoice): string {
  const who = choice.username ? `@${choice.username}` : t('optionsUnnamedAccount', [choice.account.userId]);
  return `${workspaceLabel(choice.account.workspace)} · ${who}`;
}

function AccountOptions({ choice }: { choice: AccountChoice }) {
  const { account } = choice;
  const tab = useWorkspaceTab(account);
  const editor = useAccountSettings(account, tab?.status.serverOffsetMs ?? 0);
  if (!editor) return null;
  const { stored, draft, problems, saved, failure, change, setEnabled, importSettings } = editor;
  const now = Date.now() + (tab?.status.serverOffsetMs ?? 0);
  const { replyTo } = draft;

  return (
    <>
      <section class="card" aria-labelledby="state-heading">
        <div class="switch-row">
          <h2 id="state-heading">{t('autoReplyHeading')}</h2>
          <AutoReplySwitch enabled={stored.settings.enabled} onChange={setEnabled} />
        </div>
        {tab ? (
          <HealthLine
            health={decideAutoReplyHealth({ ...tab.status, now, settings: stored.settings, settingsProblems: stored.ok ? [] : stored.problems })}
            tabId={tab.tabId}
            serverOffsetMs={tab.status.serverOffsetMs}
          />
        ) : (
          <p class="auto-reply-state" role="status">
            {t('optionsNoTab', [choice.username ? `@${choice.username}` : choice.account.userId])}
          </p>
        )}
        {!stored.ok && (
          <div role="alert" class="problem">
            {t('settingsStoredInvalid')} {stored.problems.map(describeSettingsProblem).join('; ')}
          </div>
        )}
        <SaveOutcome problems={problems} saved={saved} failure={failure} />
      </section>

      <section class="card" aria-labelledby="message-heading">
        <h2 id="message-heading">{t('optionsMessageHeading')}</h2>
        <TextArea label={t('replyMessageLabel')} help={t('replyMessageHelp')} value={draft.message} onChange={(message) => change({ message })} />
        <ContentRulesEditor rules={draft.rules} onChange={(rules) => change({ rules })} />
      </section>

      <section class="card" aria-labelledby="when-heading">
        <h2 id="when-heading">{t('optionsWhenHeading')}</h2>
        <ScheduleFields schedule={draft.schedule} onChange={(schedule) => change({ schedule })} />
        <NumberField label={t('minutesBetweenRepliesLabel')} min={1} max={10080} value={draft.minutesBetweenReplies} onChange={(minutesBetweenReplies) => change({ minutesBetweenReplies })} />
      </section>

      <section class="card" aria-labelledby="who-heading">
        <h2 id="who-heading">{t('optionsWhoHeading')}</h2>
        <div class="checkbox-group" role="group" aria-label={t('replyToLegend')}>
          <Checkbox label={t('replyToDirect')} checked={replyTo.directMessages} onChange={(directMessages) => change({ replyTo: { ...replyTo, directMessages } })} />
          <Checkbox label={t('replyToGroup')} checked={replyTo.groupMessages} onChange={(groupMessages) => change({ replyTo: { ...replyTo, groupMessages } })} />
          <Checkbox label={t('replyToMentions')} checked={replyTo.channelMentions} onChange={(channelMentions) => change({ replyTo: { ...replyTo, channelMentions } })} />
          {replyTo.channelMentions && (
            <Checkbox
              label={t('replyToChannelWide')}
              checked={replyTo.channelWideMentions}
              onChange={(channelWideMentions) => change({ replyTo: { ...replyTo, channelWideMentions } })}
            />
          )}
        </div>
        <ListField label={t('pauseKeywordsLabel')} values={draft.pauseKeywords} onChange={(pauseKeywords) => change({ pauseKeywords })} />
        <NumberField label={t('minutesAfterPauseLabel')} min={1} max={10080} value={draft.minutesAfterPause} onChange={(minutesAfterPause) => change({ minutesAfterPause })} />
      </section>

      <section class="card" aria-labelledby="advanced-heading">
        <h2 id="advanced-heading">{t('optionsAdvancedHeading')}</h2>
        <NumberField label={t('catchUpMinutesLabel')} min={1} max={1440} value={draft.catchUpMinutes} onChange={(catchUpMinutes) => change({ catchUpMinutes })} />
        <SettingsTransfer settings={stored.settings} fileName={`companion-auto-reply-${workspaceLabel(account.workspace).replace(/[^\w.-]+/g, '_')}.json`} onImport={importSettings} />
      </section>

      <div class="card">
        <ActivityLog account={account} />
      </div>
      <DeskSection account={account} tabId={tab?.tabId} username={choice.username ? `@${choice.username}` : account.userId} />
      <PacketHistory workspace={account.workspace} />
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import type { ContentRule, SettingsProblem } from '../../shared/autoReply/settings.ts';
import { parseDeskSettings, type DeskSettings } from '../../shared/desk/deskSettings.ts';
import { readDeskSettings, restartReportsFrom, writeDeskCaughtUpTo, writeDeskSettings, type StoredDeskSettings } from '../../shared/desk/deskStore.ts';
import { t } from '../../shared/i18n.ts';
import type { DeskChannelChoice, DeskPerson } from '../../shared/messages.ts';
import { askDesk } from './askDesk.ts';
import { errorText } from '../../ui/errorText.ts';
import { ContentRulesEditor } from '../../ui/autoReply/ContentRulesEditor.tsx';
import { RemoveIcon } from '../../ui/icons.tsx';
import { Checkbox, Fieldset, ListField, Select, TextField, TimeZoneField } from '../../ui/fields.tsx';
import { DeskActivityList } from './DeskActivityList.tsx';
import { DeskChannelsFieldset } from './DeskChannelsFieldset.tsx';
import { DeskAnalysis } from './DeskAnalysis.tsx';
import { DeskRemindersFieldset } from './DeskRemindersFieldset.tsx';
import { DeskReportNow } from './DeskReportNow.tsx';
import { DeskWeeklyReportFieldset } from './DeskWeeklyReportFieldset.tsx';
import { DeskWelcomeFieldset } from './DeskWelcomeFieldset.tsx';
import { describeDeskProblem, remindersProblems, weeklyReportProblems, welcomeProblems } from './deskFormProblems.ts';

type OnDutyChoice = 'desk-runner' | 'week' | 'month';

/** The saved group's name, looked up when the form opens. */
type GroupLookup = { readonly kind: 'none' | 'gone' } | { readonly kind: 'found'; readonly name: string } | { readonly kind: 'failed'; readonly reason: string };

/** The settings as the form shows them: people by username, which the tab turns into ids on saving. */
interface DeskDraft {
  /** One per row of the form, '' for a row with no channel chosen yet. */
  readonly channelIds: readonly string[];
  readonly teamUsernames: readonly string[];
  /** A Mattermost group's name, as mentioned; '' for none. */
  readonly teamGroup: string;
  /** The saved group, kept as it is while its name could not be read. */
  readonly unreadGroupId: string | null;
  readonly solvedEmoji: string;
  readonly timeZone: string;
  readonly onDuty: OnDutyChoice;
  readonly rotationUsernames: readonly string[];
  readonly firstDay: string;
  readonly enabled: boolean;
  readonly rules: readonly ContentRule[];
  readonly askForFeedback: boolean;
  readonly reminders: DeskSettings['reminders'];
  readonly hours: DeskSettings['hours'];
  readonly welcome: DeskSettings['welcome'];
  readonly weeklyReport: DeskSettings['weeklyReport'];
}

function draftOf(settings: DeskSettings, usernameOf: (userId: string) => string, group: GroupLookup): DeskDraft {
  const { onDuty } = settings;
  return {
    channelIds: settings.channelIds,
    teamUsernames: settings.team.userIds.map(usernameOf),
    teamGroup: group.kind === 'found' ? group.name : '',
    unreadGroupId: group.kind === 'failed' ? settings.team.groupId : null,
    solvedEmoji: settings.solvedEmoji,
    timeZone: settings.timeZone,
    onDuty: onDuty.kind === 'desk-runner' ? 'desk-runner' : onDuty.period,
    rotationUsernames: onDuty.kind === 'rotation' ? onDuty.userIds.map(usernameOf) : [],
    firstDay: onDuty.kind === 'rotation' ? onDuty.firstDay : new Date().toISOString().slice(0, 10),
    enabled: settings.enabled,
    rules: settings.answers.rules,
    askForFeedback: settings.answers.askForFeedback,
    reminders: settings.reminders,
    hours: settings.hours,
    welcome: settings.welcome,
    weeklyReport: settings.weeklyReport,
  };
}

/** The channels chosen, each once, in the order of the rows. */
function chosenChannels(draft: DeskDraft): string[] {
  return [...new Set(draft.channelIds.filter(Boolean))];
}

/** What keeps a draft from being saved, known before anyone is looked up. */
function draftProblems(draft: DeskDraft): string[] {
  const problems: string[] = [];
  // Without a team every root post would count as a question, the team's own included.
  if (draft.teamUsernames.length === 0 && draft.teamGroup.trim() === '' && !draft.unreadGroupId) problems.push(t('deskNeedsTeam'));
  if (draft.enabled && chosenChannels(draft).length === 0) problems.push(t('deskAnswersNeedChannel'));
  if (draft.enabled && draft.rules.length === 0) problems.push(t('deskAnswersNeedRule'));
  problems.push(...remindersProblems(draft.reminders, draft.hours), ...welcomeProblems(draft.welcome), ...weeklyReportProblems(draft.weeklyReport));
  return problems;
}

type SaveState = { readonly kind: 'idle' } | { readonly kind: 'saved' } | { readonly kind: 'problems'; readonly lines: readonly string[] };

/**
 * The support desk for one account: its channels, team, solved emoji, time
 * zone, on-duty rotation, automatic answers, reminders, welcome message and
 * weekly report, what the desk did, and the analysis of the channels.
 * Channels and people are looked up through an open tab signed in as the
 * account.
 */
export function DeskSection({ account, tabId, username }: { account: Account; tabId: number | undefined; username: string }) {
  const [stored, setStored] = useState<StoredDeskSettings | undefined>(undefined);
  const [people, setPeople] = useState<ReadonlyMap<string, DeskPerson>>(new Map());
  const [channels, setChannels] = useState<readonly DeskChannelChoice[] | undefined>(undefined);
  const [draft, setDraft] = useState<DeskDraft | undefined>(undefined);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [lookupProblem, setLookupProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    readDeskSettings(account).then(setStored, (error: unknown) => setLookupProblem(t('settingsStorageFailed', [errorText(error)])));
  }, [account.workspace.origin, account.workspace.basePath, account.userId]);

  // Names for the stored ids, and the channels to choose from, once a tab can tell them.
  useEffect(() => {
    if (!stored || tabId === undefined) return;
    const { settings } = stored;
    const ids = [...new Set([...settings.team.userIds, ...(settings.onDuty.kind === 'rotation' ? settings.onDuty.userIds : [])])];
    const { groupId } = settings.team;
    Promise.all([
      askDesk(tabId, 'listDeskChannelChoices', null),
      askDesk(tabId, 'lookUpPeople', { userIds: ids }),
      groupId
        ? askDesk(tabId, 'lookUpGroup', { groupId }).then(
            (group): GroupLookup => (group ? { kind: 'found', name: group.name } : { kind: 'gone' }),
            (error: unknown): GroupLookup => ({ kind: 'failed', reason: errorText(error) }),
          )
        : Promise.resolve<GroupLookup>({ kind: 'none' }),
    ]).then(
      ([choices, found, group]) => {
        setChannels(choices);
        const known = new Map(found.map((person) => [person.id, person]));
        setPeople(known);
        setDraft((current) => current ?? draftOf(settings, (userId) => known.get(userId)?.username ?? userId, group));
        setLookupProblem(group.kind === 'gone' ? t('deskGroupGone', [groupId ?? '']) : group.kind === 'failed' ? t('deskGroupUnread', [group.reason]) : undefined);
      },
      (error: unknown) => setLookupProblem(t('deskLookupFailed', [errorText(error)])),
    );
  }, [stored, tabId]);

  if (tabId === undefined || !stored) {
    return (
      <section class="card" aria-labelledby="desk-heading">
        <h2 id="desk-heading">{t('deskHeading')}</h2>
        {lookupProblem && !stored ? (
          <div role="alert" class="problem">
            {lookupProblem}
          </div>
        ) : (
          <p role="status">{stored ? t('deskNeedsTab', [username]) : t('popupLoading')}</p>
        )}
      </section>
    );
  }

  const save = async (next: DeskDraft) => {
    setSaveState({ kind: 'idle' });
    const known = draftProblems(next);
    if (known.length > 0) {
      setSaveState({ kind: 'problems', lines: known });
      return;
    }
    const usernames = [...new Set([...next.teamUsernames, ...(next.onDuty === 'desk-runner' ? [] : next.rotationUsernames)])];
    let found: DeskPerson[];
    try {
      found = await askDesk(tabId, 'lookUpPeople', { usernames });
    } catch (error) {
      setSaveState({ kind: 'problems', lines: [errorText(error)] });
      return;
    }
    let groupId = next.teamGroup.trim() === '' ? next.unreadGroupId : null;
    let groupMemberIds: readonly string[] = [];
    if (next.teamGroup.trim() !== '') {
      try {
        const group = await askDesk(tabId, 'lookUpGroup', { name: next.teamGroup });
        if (!group) {
          setSaveState({ kind: 'problems', lines: [t('deskGroupUnknown', [next.teamGroup.trim().replace(/^@/, '')])] });
          return;
        }
        groupId = group.id;
        groupMemberIds = group.memberIds ?? [];
      } catch (error) {
        setSaveState({ kind: 'problems', lines: [errorText(error)] });
        return;
      }
    }
    const byUsername = new Map(found.map((person) => [person.username, person]));
    const unknown = usernames.filter((name) => !byUsername.has(name.replace(/^@/, '').toLowerCase()));
    if (unknown.length > 0) {
      setSaveState({ kind: 'problems', lines: [t('deskUnknownPeople', [unknown.map((name) => `@${name.replace(/^@/, '')}`).join(', ')])] });
      return;
    }
    const idOf = (name: string) => byUsername.get(name.replace(/^@/, '').toLowerCase())?.id ?? name;
    const teamIds = next.teamUsernames.map(idOf);
    // A saved group that cannot be read now is kept as it is: the desk waits for it, and lists why.
    const inGroup = groupMemberIds.includes(account.userId) || (groupId !== null && groupId === next.unreadGroupId);
    if (next.enabled && !teamIds.includes(account.userId) && !inGroup) {
      // The tab answers and adds the solved emoji as this account: outside the team, neither would count as the team's.
      setSaveState({ kind: 'problems', lines: [t('deskAnswersNeedSelf', [username.replace(/^@/, '')])] });
      return;
    }
    const settings: DeskSettings = {
      ...stored.settings,
      enabled: next.enabled,
      channelIds: chosenChannels(next),
      team: { userIds: teamIds, groupId },
      solvedEmoji: next.solvedEmoji.trim().replace(/^:|:$/g, ''),
      timeZone: next.timeZone,
      onDuty: next.onDuty === 'desk-runner' ? { kind: 'desk-runner' } : { kind: 'rotation', userIds: next.rotationUsernames.map(idOf), period: next.onDuty, firstDay: next.firstDay },
      answers: { rules: [...next.rules], askForFeedback: next.askForFeedback },
      reminders: next.reminders,
      hours: next.hours,
      welcome: next.welcome,
      weeklyReport: next.weeklyReport,
    };
    let problems: readonly SettingsProblem[];
    try {
      const report = settings.weeklyReport;
      const earlier = stored.settings.weeklyReport;
      // Switched on or moved: the first report owed is the next one at its time, not one already past.
      const restarted = report.enabled && (!earlier.enabled || report.weekday !== earlier.weekday || report.time !== earlier.time || report.channelId !== earlier.channelId);
      const valid = parseDeskSettings(settings);
      if (valid.ok) {
        if (restarted) await restartReportsFrom(account, Date.now());
        // Switched on (perhaps with no tab open): what came while it was off is not answered late. A catch-up reads from a minute before its point.
        const on = (desk: DeskSettings) => desk.enabled || desk.reminders.enabled || desk.welcome.enabled || desk.weeklyReport.enabled;
        if (on(settings) && !on(stored.settings)) await writeDeskCaughtUpTo(account, Date.now() + 60_000);
      }
      problems = await writeDeskSettings(account, settings);
    } catch (error) {
      setSaveState({ kind: 'problems', lines: [t('settingsStorageFailed', [errorText(error)])] });
      return;
    }
    if (problems.length > 0) {
      setSaveState({ kind: 'problems', lines: problems.map(describeDeskProblem) });
      return;
    }
    setPeople((known) => new Map([...known, ...found.map((person) => [person.id, person] as const)]));
    setStored({ ok: true, settings });
    setSaveState({ kind: 'saved' });
  };

  const channelOptions = (channels ?? []).map((channel) => [channel.id, `${channel.displayName} (${channel.teamName})`] as const);

  const change = (patch: Partial<DeskDraft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setSaveState({ kind: 'idle' });
  };

  return (
    <section class="card" aria-labelledby="desk-heading">
      <h2 id="desk-heading">{t('deskHeading')}</h2>
      <p class="help">{t('deskIntro')}</p>
      {!stored.ok && (
        <div role="alert" class="problem">
          {t('settingsStoredInvalid')} {stored.problems.map(describeDeskProblem).join('; ')}
        </div>
      )}
      {lookupProblem && (
        <div role="alert" class="problem">
          {lookupProblem}
        </div>
      )}
      {draft && channels ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <DeskChannelsFieldset channelIds={draft.channelIds} options={channelOptions} onChange={(channelIds) => change({ channelIds })} />
          <ListField label={t('deskTeamLabel')} values={draft.teamUsernames} onChange={(teamUsernames) => change({ teamUsernames })} />
          <TextField label={t('deskGroupLabel')} value={draft.teamGroup} onChange={(teamGroup) => change({ teamGroup })} />
          {draft.unreadGroupId && (
            <div class="actions">
              <button
                type="button"
                onClick={() => {
                  change({ unreadGroupId: null });
                  setLookupProblem(undefined);
                }}
              >
                <RemoveIcon />
                {t('deskGroupRemove')}
              </button>
            </div>
          )}
          <TextField label={t('deskSolvedEmojiLabel')} value={draft.solvedEmoji} onChange={(solvedEmoji) => change({ solvedEmoji })} />
          <TimeZoneField label={t('timeZoneLabel')} value={draft.timeZone} onChange={(timeZone) => change({ timeZone })} />
          <Select
            label={t('deskOnDutyLabel')}
            value={draft.onDuty}
            options={[
              ['desk-runner', t('deskOnDutyRunner')],
              ['week', t('deskOnDutyWeekly')],
              ['month', t('deskOnDutyMonthly')],
            ]}
            onChange={(onDuty) => change({ onDuty })}
          />
          {draft.onDuty !== 'desk-runner' && (
            <>
              <ListField label={t('deskRotationLabel')} values={draft.rotationUsernames} onChange={(rotationUsernames) => change({ rotationUsernames })} />
              <TextField
                label={t(draft.onDuty === 'month' ? 'deskFirstMonthLabel' : 'deskFirstDayLabel')}
                type="date"
                value={draft.firstDay}
                onChange={(firstDay) => change({ firstDay })}
              />
            </>
          )}
          <Fieldset legend={t('deskAnswersLegend')}>
            <p class="help">{t('deskAnswersHelp')}</p>
            <Checkbox label={t('deskAnswersEnabledLabel')} checked={draft.enabled} onChange={(enabled) => change({ enabled })} />
            <ContentRulesEditor rules={draft.rules} onChange={(rules) => change({ rules })} />
            <Checkbox label={t('deskAskForFeedbackLabel')} checked={draft.askForFeedback} onChange={(askForFeedback) => change({ askForFeedback })} />
          </Fieldset>
          <DeskRemindersFieldset reminders={draft.reminders} hours={draft.hours} onChange={change} />
          <DeskWelcomeFieldset welcome={draft.welcome} onChange={(welcome) => change({ welcome })} />
          <DeskWeeklyReportFieldset weeklyReport={draft.weeklyReport} channels={channelOptions} onChange={(weeklyReport) => change({ weeklyReport })} />
          <div class="actions">
            <button type="submit" class="primary">
              {t('deskSave')}
            </button>
          </div>
          {saveState.kind === 'saved' && <p role="status">{t('deskSaved')}</p>}
          {saveState.kind === 'problems' && (
            <div role="alert" class="problem">
              {saveState.lines.join(' ')}
            </div>
          )}
        </form>
      ) : (
        !lookupProblem && <p role="status">{t('popupLoading')}</p>
      )}
      {stored.settings.weeklyReport.channelId && <DeskReportNow account={account} tabId={tabId} />}
      {stored.settings.channelIds.length > 0 && <DeskActivityList account={account} people={people} />}
      {stored.settings.channelIds.length > 0 && (
        <DeskAnalysis
          key={JSON.stringify([stored.settings.channelIds, stored.settings.team, stored.settings.solvedEmoji, stored.settings.timeZone, stored.settings.onDuty])}
          account={account}
          tabId={tabId}
          settings={stored.settings}
          channelNames={new Map(channelOptions)}
          people={people}
        />
      )}
    </section>
  );
}

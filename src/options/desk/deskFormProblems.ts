import type { SettingsProblem } from '../../shared/autoReply/settings.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import { describeSettingsProblem } from '../../ui/autoReply/settingsProblems.ts';

/** The schema's bounds, for the fields and for saying what a refused number needed. */
export const reminderLimits = {
  afterMinutes: { min: 1, max: 7 * 24 * 60 },
  atMost: { min: 1, max: 10 },
} as const;

/** What keeps reminders from being saved, known before anyone is looked up. */
export function remindersProblems(reminders: DeskSettings['reminders'], hours: DeskSettings['hours']): string[] {
  if (!reminders.enabled) return [];
  const problems: string[] = [];
  if (hours.workingDays.length === 0) problems.push(t('deskRemindersNeedDay'));
  // "HH:MM" compares as text; a cleared time is left to the schema, which names the field.
  if (hours.start && hours.end && hours.start >= hours.end) problems.push(t('deskRemindersNeedOrder'));
  return problems;
}

/** What keeps the welcome from being saved. */
export function welcomeProblems(welcome: DeskSettings['welcome']): string[] {
  return welcome.enabled && welcome.message.trim() === '' ? [t('deskWelcomeNeedsMessage')] : [];
}

/** What keeps the weekly report from being saved: it needs somewhere to go. */
export function weeklyReportProblems(weeklyReport: DeskSettings['weeklyReport']): string[] {
  return weeklyReport.enabled && !weeklyReport.channelId ? [t('deskWeeklyReportNeedsChannel')] : [];
}

/** The desk's own fields, by the label the form shows for them. */
const deskFieldLabels: Record<string, MessageKey> = {
  solvedEmoji: 'deskSolvedEmojiLabel',
  timeZone: 'timeZoneLabel',
  'reminders.afterMinutes': 'deskRemindAfterLabel',
  'reminders.atMost': 'deskRemindAtMostLabel',
  'hours.workingDays': 'workingDaysLabel',
  'hours.start': 'deskRemindFromLabel',
  'hours.end': 'deskRemindUntilLabel',
  'welcome.message': 'deskWelcomeMessageLabel',
  'welcome.delivery': 'deskWelcomeDeliveryLabel',
  'weeklyReport.weekday': 'deskWeeklyReportDayLabel',
  'weeklyReport.time': 'deskWeeklyReportTimeLabel',
  'weeklyReport.channelId': 'deskWeeklyReportChannelLabel',
};

const numberLimits: Record<string, { readonly min: number; readonly max: number }> = {
  'reminders.afterMinutes': reminderLimits.afterMinutes,
  'reminders.atMost': reminderLimits.atMost,
};

/**
 * A refused desk setting in words: the desk's fields by their labels, a
 * number out of range with both its bounds; the rules, which the schema puts
 * under `answers`, as auto-reply's rules editor labels them.
 */
export function describeDeskProblem(problem: SettingsProblem): string {
  const label = deskFieldLabels[problem.path];
  if (!label) return describeSettingsProblem({ ...problem, path: problem.path.replace(/^answers\.(?=rules\b)/, '') });
  const limits = numberLimits[problem.path];
  const need =
    limits && (problem.code === 'too-small' || problem.code === 'too-large')
      ? t('deskProblemBetween', [String(limits.min), String(limits.max)])
      : describeSettingsProblem({ ...problem, path: '' });
  return `${t(label)}: ${need}`;
}

import type { SettingsProblem } from '../../shared/autoReply/settings.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';

const fieldLabels: Record<string, MessageKey> = {
  message: 'replyMessageLabel',
  minutesBetweenReplies: 'minutesBetweenRepliesLabel',
  minutesAfterPause: 'minutesAfterPauseLabel',
  catchUpMinutes: 'catchUpMinutesLabel',
  pauseKeywords: 'pauseKeywordsLabel',
  'schedule.timeZone': 'timeZoneLabel',
  'schedule.workingDays': 'workingDaysLabel',
  'schedule.start': 'workingHoursStartLabel',
  'schedule.end': 'workingHoursEndLabel',
  'schedule.until': 'untilLabel',
  schedule: 'scheduleLabel',
  replyTo: 'replyToLegend',
  rules: 'rulesLegend',
};

const ruleFieldLabels: Record<string, MessageKey> = { kind: 'ruleKindLabel', match: 'ruleMatchLabel', reply: 'ruleReplyLabel' };

/** The field a problem is about, by the label the form shows for it. */
function fieldName(path: string): string {
  const rule = /^rules\.(\d+)(?:\.(\w+))?/.exec(path);
  if (rule) {
    const number = String(Number(rule[1]) + 1);
    const field = rule[2] ? ruleFieldLabels[rule[2]] : undefined;
    return field ? t(field, [number]) : t('ruleNumber', [number]);
  }
  const known = fieldLabels[path] ?? fieldLabels[path.split('.')[0] ?? ''];
  return known ? t(known) : path;
}

function need(problem: SettingsProblem): string {
  const limit = String(problem.limit ?? '');
  switch (problem.code) {
    case 'needs-clock-time':
      return t('problemClockTime');
    case 'needs-time-zone':
      return t('problemTimeZone');
    case 'needs-match':
      return t('problemMatch');
    case 'needs-reply':
      return t('problemReply');
    case 'needs-valid-pattern':
      return t('problemPattern');
    case 'needs-message':
      return t('problemMessage');
    case 'needs-id':
      return t('problemId');
    case 'needs-date':
      return t('problemDate');
    case 'needs-emoji-name':
      return t('problemEmojiName');
    case 'too-small':
      return t('problemTooSmall', [limit]);
    case 'too-large':
      return t('problemTooLarge', [limit]);
    case 'too-long':
      return t('problemTooLong', [limit]);
    case 'too-short':
      return t('problemTooShort', [limit]);
    case 'not-whole-number':
      return t('problemWholeNumber');
    case 'needs-number':
      return t('problemNumber');
    case 'unknown-version':
      return t('problemVersion');
    case 'wrong-kind':
      return t('problemWrongKind');
  }
}

/** "Rule 1 keyword or expression: not a valid regular expression", in the browser's language. */
export function describeSettingsProblem(problem: SettingsProblem): string {
  return problem.path === '' ? need(problem) : `${fieldName(problem.path)}: ${need(problem)}`;
}

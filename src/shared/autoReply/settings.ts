import * as v from 'valibot';

/**
 * The auto-reply settings of one workspace: the one schema that the popup
 * edits, storage keeps, the content script obeys and export/import carries.
 */

export const autoReplySettingsVersion = 2;

export const minutes = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));
export const clockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'needs-clock-time'));
export const timeZone = v.pipe(
  v.string(),
  v.check((zone) => isKnownTimeZone(zone), 'needs-time-zone'),
);

const scheduleSchema = v.variant('kind', [
  v.object({ kind: v.literal('always') }),
  v.object({
    kind: v.literal('outside-working-hours'),
    timeZone,
    /** 0 = Sunday … 6 = Saturday. */
    workingDays: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))), v.maxLength(7)),
    start: clockTime,
    end: clockTime,
  }),
  v.object({ kind: v.literal('until'), until: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
]);

export const ruleSchema = v.pipe(
  v.object({
    kind: v.picklist(['keyword', 'pattern']),
    match: v.pipe(v.string(), v.trim(), v.minLength(1, 'needs-match')),
    reply: v.pipe(v.string(), v.minLength(1, 'needs-reply')),
  }),
  v.check((rule) => rule.kind === 'keyword' || compilesAsPattern(rule.match), 'needs-valid-pattern'),
);

export const autoReplySettingsSchema = v.object({
  version: v.literal(autoReplySettingsVersion),
  enabled: v.boolean(),
  schedule: scheduleSchema,
  message: v.pipe(v.string(), v.minLength(1, 'needs-message'), v.maxLength(4000)),
  rules: v.pipe(v.array(ruleSchema), v.maxLength(50)),
  minutesBetweenReplies: minutes(7 * 24 * 60),
  pauseKeywords: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), v.maxLength(100)),
  minutesAfterPause: minutes(7 * 24 * 60),
  replyTo: v.object({
    directMessages: v.boolean(),
    groupMessages: v.boolean(),
    channelMentions: v.boolean(),
    /** @channel, @all and @here count as a mention of the user (only with `channelMentions`). */
    channelWideMentions: v.boolean(),
  }),
  catchUpMinutes: minutes(24 * 60),
});

export type AutoReplySettings = v.InferOutput<typeof autoReplySettingsSchema>;
export type AutoReplySchedule = AutoReplySettings['schedule'];
export type ContentRule = AutoReplySettings['rules'][number];

export const defaultAutoReplySettings: AutoReplySettings = {
  version: autoReplySettingsVersion,
  enabled: false,
  schedule: { kind: 'always' },
  message: "Hi {sender}, I'm away at the moment and will answer when I'm back.",
  rules: [],
  minutesBetweenReplies: 60,
  pauseKeywords: ['thanks', 'thank you', 'ok', 'okay', 'got it', '👍', '谢谢', '好的', '收到'],
  minutesAfterPause: 8 * 60,
  replyTo: { directMessages: true, groupMessages: false, channelMentions: false, channelWideMentions: false },
  catchUpMinutes: 15,
};

/** What a schema asked for and did not get; its messages are the codes set above and in the desk's settings. */
const customCodes = [
  'needs-clock-time',
  'needs-time-zone',
  'needs-match',
  'needs-reply',
  'needs-valid-pattern',
  'needs-message',
  'needs-id',
  'needs-date',
  'needs-emoji-name',
] as const;

export type SettingsProblemCode =
  | (typeof customCodes)[number]
  | 'too-small'
  | 'too-large'
  | 'too-long'
  | 'too-short'
  | 'not-whole-number'
  | 'needs-number'
  | 'unknown-version'
  | 'wrong-kind';

/**
 * One reason settings were refused, as data: the field's dot path and what it
 * needed, so that each window can say it in its own language.
 */
export interface SettingsProblem {
  readonly path: string;
  readonly code: SettingsProblemCode;
  /** The bound for too-small, too-large, too-long and too-short. */
  readonly limit?: number;
}

export type SettingsParseResult =
  | { readonly ok: true; readonly settings: AutoReplySettings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/**
 * Validates settings from storage or from an imported file, migrating older
 * versions first. Problems name the field and what was expected, so a form
 * can say exactly why it refused.
 */
export function parseAutoReplySettings(input: unknown): SettingsParseResult {
  const result = v.safeParse(autoReplySettingsSchema, migrateAutoReplySettings(input));
  if (result.success) return { ok: true, settings: result.output };
  return { ok: false, problems: result.issues.map(problemOf) };
}

export function problemOf(issue: v.BaseIssue<unknown>): SettingsProblem {
  const path = v.getDotPath(issue) ?? '';
  const custom = customCodes.find((code) => code === issue.message);
  if (custom) return { path, code: custom };
  const limit = typeof issue.requirement === 'number' ? issue.requirement : undefined;
  const bounded = (code: SettingsProblemCode): SettingsProblem => (limit === undefined ? { path, code } : { path, code, limit });
  switch (issue.type) {
    case 'min_value':
      return bounded('too-small');
    case 'max_value':
      return bounded('too-large');
    case 'max_length':
      return bounded('too-long');
    case 'min_length':
      return bounded('too-short');
    case 'integer':
      return { path, code: 'not-whole-number' };
    case 'number':
      // What an emptied number field gives.
      return { path, code: 'needs-number' };
    default:
      return { path, code: path === 'version' ? 'unknown-version' : 'wrong-kind' };
  }
}

/**
 * Brings stored settings of any earlier version up to the current one, one
 * step per version. Settings without a version take the defaults for what
 * they lack. Version 2 added `replyTo.channelWideMentions`, off: before it,
 * @channel counted as a mention live but not at catch-up.
 */
export function migrateAutoReplySettings(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let stored = input as Record<string, unknown>;
  // Before versioning: the defaults of version 1 for what is missing, then the steps below.
  if (stored.version === undefined) {
    const { directMessages, groupMessages, channelMentions } = defaultAutoReplySettings.replyTo;
    stored = { ...defaultAutoReplySettings, replyTo: { directMessages, groupMessages, channelMentions }, ...stored, version: 1 };
  }
  if (stored.version === 1) {
    const replyTo = typeof stored.replyTo === 'object' && stored.replyTo !== null ? stored.replyTo : {};
    stored = { ...stored, version: 2, replyTo: { ...replyTo, channelWideMentions: false } };
  }
  return stored;
}

export function compilesAsPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

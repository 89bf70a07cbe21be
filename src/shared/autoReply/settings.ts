import * as v from 'valibot';

/**
 * The auto-reply settings of one workspace: the one schema that the popup
 * edits, storage keeps, the content script obeys and export/import carries.
 */

export const autoReplySettingsVersion = 2;

const minutes = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));
const clockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM'));
const timeZone = v.pipe(
  v.string(),
  v.check((zone) => isKnownTimeZone(zone), 'a time zone such as Europe/Berlin'),
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

const ruleSchema = v.pipe(
  v.object({
    kind: v.picklist(['keyword', 'pattern']),
    match: v.pipe(v.string(), v.trim(), v.minLength(1, 'a word or pattern to match')),
    reply: v.pipe(v.string(), v.minLength(1, 'a reply text')),
  }),
  v.check((rule) => rule.kind === 'keyword' || compilesAsPattern(rule.match), 'a valid regular expression'),
);

export const autoReplySettingsSchema = v.object({
  version: v.literal(autoReplySettingsVersion),
  enabled: v.boolean(),
  schedule: scheduleSchema,
  message: v.pipe(v.string(), v.minLength(1, 'a reply message'), v.maxLength(4000)),
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

export type SettingsParseResult =
  | { readonly ok: true; readonly settings: AutoReplySettings }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Validates settings from storage or from an imported file, migrating older
 * versions first. Problems name the field and what was expected, so the popup
 * can say exactly why it refused.
 */
export function parseAutoReplySettings(input: unknown): SettingsParseResult {
  const result = v.safeParse(autoReplySettingsSchema, migrateAutoReplySettings(input));
  if (result.success) return { ok: true, settings: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
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

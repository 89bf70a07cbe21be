import * as v from 'valibot';
import { clockTime, minutes, problemOf, ruleSchema, timeZone, type SettingsProblem } from '../autoReply/settings.ts';

/**
 * The support desk's settings for one account on one workspace: the one
 * schema the options page edits, storage keeps and the tab obeys. Channels,
 * people and groups are kept by id, which survives renames.
 */

export const deskSettingsVersion = 2;

const mattermostId = v.pipe(v.string(), v.regex(/^[a-z0-9]{26}$/, 'needs-id'));
const localDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'needs-date'),
  v.check((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)), 'needs-date'),
);
const weekday = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6));

const onDutySchema = v.variant('kind', [
  v.object({ kind: v.literal('desk-runner') }),
  v.object({
    kind: v.literal('rotation'),
    userIds: v.pipe(v.array(mattermostId), v.minLength(1), v.maxLength(100)),
    period: v.picklist(['week', 'month']),
    firstDay: localDate,
  }),
]);

export const deskSettingsSchema = v.object({
  version: v.literal(deskSettingsVersion),
  enabled: v.boolean(),
  /** The support channels; analytics and automation cover each of them. */
  channelIds: v.pipe(v.array(mattermostId), v.maxLength(10)),
  /** The team answering: these people, and the members of the group. */
  team: v.object({
    userIds: v.pipe(v.array(mattermostId), v.maxLength(200)),
    groupId: v.nullable(mattermostId),
  }),
  /** Emoji name without colons. */
  solvedEmoji: v.pipe(v.string(), v.regex(/^[a-z0-9_+-]{1,64}$/, 'needs-emoji-name')),
  onDuty: onDutySchema,
  /** The desk's days and hours: reminders are sent within them, and analytics count days in its time zone. */
  timeZone,
  hours: v.object({
    workingDays: v.pipe(v.array(weekday), v.maxLength(7)),
    start: clockTime,
    end: clockTime,
  }),
  answers: v.object({
    rules: v.pipe(v.array(ruleSchema), v.maxLength(50)),
    /** The answer ends by asking the asker for a 👍 if it solved the issue. */
    askForFeedback: v.boolean(),
  }),
  reminders: v.object({
    enabled: v.boolean(),
    afterMinutes: minutes(7 * 24 * 60),
    atMost: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  }),
  welcome: v.object({
    enabled: v.boolean(),
    message: v.pipe(v.string(), v.maxLength(4000)),
    delivery: v.picklist(['ephemeral', 'direct-message']),
  }),
  weeklyReport: v.object({
    enabled: v.boolean(),
    weekday,
    time: clockTime,
    channelId: v.nullable(mattermostId),
  }),
});

export type DeskSettings = v.InferOutput<typeof deskSettingsSchema>;

export const defaultDeskSettings: DeskSettings = {
  version: deskSettingsVersion,
  enabled: false,
  channelIds: [],
  team: { userIds: [], groupId: null },
  solvedEmoji: 'white_check_mark',
  onDuty: { kind: 'desk-runner' },
  timeZone: 'UTC',
  hours: { workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
  answers: { rules: [], askForFeedback: true },
  reminders: { enabled: false, afterMinutes: 60, atMost: 3 },
  welcome: {
    enabled: false,
    message: 'Welcome! Ask your question as a new message here, one thread per issue, and someone from the team will answer in its thread.',
    delivery: 'ephemeral',
  },
  weeklyReport: { enabled: false, weekday: 1, time: '09:00', channelId: null },
};

export type DeskSettingsParseResult =
  | { readonly ok: true; readonly settings: DeskSettings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/**
 * Version 1 was saved by an options page that edited the channel, team and
 * analytics only: what runs by itself (answers, reminders, welcome, report)
 * held defaults nobody chose, reminders on among them. Version 2 starts with
 * all of it off.
 */
export function migrateDeskSettings(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || (input as { version?: unknown }).version !== 1) return input;
  const old = input as Record<string, Record<string, unknown>>;
  return {
    ...old,
    version: 2,
    enabled: false,
    reminders: { ...old.reminders, enabled: false },
    welcome: { ...old.welcome, enabled: false },
    weeklyReport: { ...old.weeklyReport, enabled: false },
  };
}

/** Validates desk settings from storage or an imported file, after migrating an older version. */
export function parseDeskSettings(input: unknown): DeskSettingsParseResult {
  const result = v.safeParse(deskSettingsSchema, migrateDeskSettings(input));
  if (result.success) return { ok: true, settings: result.output };
  return { ok: false, problems: result.issues.map(problemOf) };
}

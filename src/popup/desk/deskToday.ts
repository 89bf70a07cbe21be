import { summarizeDeskDay, type DeskActivityEntry, type DeskDaySummary } from '../../shared/desk/deskActivity.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import type { StoredDeskSettings } from '../../shared/desk/deskStore.ts';

/** What the popup says about the account's desk. */
export type DeskToday =
  | { readonly kind: 'off' }
  | { readonly kind: 'needs-attention' }
  | { readonly kind: 'on'; readonly day: DeskDaySummary };

/** Whether any part of the desk that acts by itself is switched on: answers, reminders, the welcome or the weekly report. */
export function isDeskSwitchedOn(settings: DeskSettings): boolean {
  return settings.enabled || settings.reminders.enabled || settings.welcome.enabled || settings.weeklyReport.enabled;
}

/**
 * Nothing while the desk is all off; never "on" from stored settings that no
 * longer validate (the tab does not use them either); otherwise today's
 * figures, today in the desk's time zone.
 */
export function deskToday(stored: StoredDeskSettings, entries: readonly DeskActivityEntry[], now: number): DeskToday {
  if (!stored.ok) return { kind: 'needs-attention' };
  if (!isDeskSwitchedOn(stored.settings)) return { kind: 'off' };
  return { kind: 'on', day: summarizeDeskDay(entries, now, stored.settings.timeZone) };
}

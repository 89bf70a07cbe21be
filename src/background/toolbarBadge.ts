import browser from 'webextension-polyfill';
import type { BadgeKind } from '../shared/autoReply/autoReplyHealth.ts';
import { t } from '../shared/i18n.ts';

const badges: Record<Exclude<BadgeKind, 'none'>, { text: () => string; color: string; title: () => string }> = {
  on: { text: () => t('badgeAutoReplyOn'), color: '#1c58d9', title: () => t('actionTitleAutoReplyOn') },
  warning: { text: () => t('badgeAutoReplyWarning'), color: '#b45309', title: () => t('actionTitleAutoReplyWarning') },
};

/**
 * The toolbar badge of a Mattermost tab: ON while auto-reply answers for its
 * workspace, a warning while it is switched on but cannot answer, nothing otherwise.
 */
export async function showAutoReplyBadge(tabId: number, kind: BadgeKind): Promise<void> {
  if (kind === 'none') {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: t('actionTitle') });
    return;
  }
  const badge = badges[kind];
  await browser.action.setBadgeText({ tabId, text: badge.text() });
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await browser.action.setTitle({ tabId, title: badge.title() });
}

/**
 * The tab that answers is kept from being discarded to save memory (Chrome's
 * Memory Saver), and given back to the browser when it stops answering.
 */
export async function keepTabLoaded(tabId: number, keep: boolean): Promise<void> {
  try {
    await browser.tabs.update(tabId, { autoDiscardable: !keep });
  } catch {
    // Browsers without automatic discarding have nothing to keep.
  }
}

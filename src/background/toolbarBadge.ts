import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';

/** The toolbar badge of a Mattermost tab says whether auto-reply answers for its workspace. */
export async function showAutoReplyBadge(tabId: number, active: boolean): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: active ? t('badgeAutoReplyOn') : '' });
  if (active) await browser.action.setBadgeBackgroundColor({ tabId, color: '#1c58d9' });
  await browser.action.setTitle({ tabId, title: active ? t('actionTitleAutoReplyOn') : t('actionTitle') });
}

import { autoRepliesAfterQuietPeriod, waitForAutoReplies } from './actors.ts';
import { isAutoDiscardable, tabIdOf } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openMattermostAs, openSettingsPage, switchAutoReplyOn } from './workflows.ts';

const { alice } = server.users;

test('the answering tab is kept from being discarded while auto-reply is on, and given back once off', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const popup = await enableCompanion(browser, tab);
  expect(await isAutoDiscardable(browser, tab)).toBe(true);

  await switchAutoReplyOn(popup);
  await expect.poll(() => isAutoDiscardable(browser, tab)).toBe(false);

  await popup.getByRole('switch', { name: 'Auto-reply' }).click();
  await expect.poll(() => isAutoDiscardable(browser, tab)).toBe(true);
});

test('a tab the browser discarded answers what came meanwhile when it comes back, and the popup lists the reply as late', async ({
  newBrowser,
  sender,
  conversation,
}) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  await switchAutoReplyOn(await enableCompanion(browser, tab));

  // As Chrome's Memory Saver does to a background tab: the page is unloaded, the tab stays.
  const foreground = await browser.context.newPage();
  await foreground.bringToFront();
  // The discarded tab may come back under a new id.
  const tabId = await browser.serviceWorker.evaluate(async (id) => (await chrome.tabs.discard(id))?.id ?? id, await tabIdOf(browser, tab));
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Sent while your tab was unloaded' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(0);

  await browser.serviceWorker.evaluate((id) => chrome.tabs.update(id, { active: true }), tabId);
  await waitForAutoReplies(sender.client, conversation, sent);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html?tab=${tabId}`);
  await expect(popup.getByText('1 reply today')).toBeVisible();
  await expect((await openSettingsPage(browser)).getByText('Replied late to Dana Tester')).toBeVisible();
});

import { waitForAutoReplies } from './actors.ts';
import { badgeText, openPopupFor } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { cutTabNetwork, expectSocketConnected, restoreTabNetwork } from './webappSocket.ts';
import { enableCompanion, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

const { alice } = server.users;

test('while the tab’s socket is down the popup says "reconnecting since" and the badge warns', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const popup = await enableCompanion(browser, tab);
  await switchAutoReplyOn(popup);
  await expect.poll(() => badgeText(browser, tab)).toBe('ON');

  await cutTabNetwork(tab);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^Not answering: reconnecting to Mattermost since \d/);
  await expect.poll(() => badgeText(browser, tab)).toBe('!');

  await restoreTabNetwork(tab);
  await expectSocketConnected(tab);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^On: answering/);
  await expect.poll(() => badgeText(browser, tab)).toBe('ON');
});

test('a leader whose socket stays down hands over to a tab that can answer, which answers what came meanwhile', async ({ newBrowser, sender, conversation }) => {
  test.slow();
  const browser = await newBrowser();
  const leaderTab = await openMattermostAs(browser, alice, 'bob');
  await switchAutoReplyOn(await enableCompanion(browser, leaderTab));
  const otherTab = await openMattermostAs(browser, alice, 'carol');
  const otherPopup = await openPopupFor(browser, otherTab);
  await expect(otherPopup.locator('.auto-reply-state')).toHaveText(/^On: answering from another tab/);

  await cutTabNetwork(leaderTab);
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Sent while the answering tab is offline' });
  await waitForAutoReplies(sender.client, conversation, sent, 1, 1_000, 60_000);
  await expect(otherPopup.locator('.auto-reply-state')).toHaveText(/^On: answering as configured below/);
});

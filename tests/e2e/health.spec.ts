import { autoRepliesAfterQuietPeriod, waitForAutoReplies } from './actors.ts';
import { badgeText, openPopupFor, startContentScriptInOpenPage } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { directMessageUrl, server, signIn } from './mattermost.ts';
import { enableCompanion, openMattermostAs, openSettingsPage, signInThroughLoginForm, switchAutoReplyOn, viewInBrowserIfAsked } from './workflows.ts';

const { alice } = server.users;

test('the popup and the badge say "answering" while a tab answers, and nothing once switched off', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const popup = await enableCompanion(browser, tab);
  await switchAutoReplyOn(popup);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^On: answering as configured below/);
  await expect.poll(() => badgeText(browser, tab)).toBe('ON');

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Are you answering?' });
  await waitForAutoReplies(sender.client, conversation, sent);

  await popup.getByRole('switch', { name: 'Auto-reply' }).click();
  await expect(popup.locator('.auto-reply-state')).toHaveText('Off.');
  await expect.poll(() => badgeText(browser, tab)).toBe('');
});

test('a tab that was open before Companion started in it says so, and never keeps another tab from answering', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  await signIn(browser.context, alice);
  // Open before the workspace is enabled: no script of ours in it.
  const earlyTab = await browser.context.newPage();
  await earlyTab.goto(directMessageUrl('carol'));
  await viewInBrowserIfAsked(earlyTab);
  const enablingTab = await openMattermostAs(browser, alice, 'bob');
  await switchAutoReplyOn(await enableCompanion(browser, enablingTab));
  await enablingTab.close();

  // As after an extension update or an enable without reload: the script runs, the socket is already open.
  await startContentScriptInOpenPage(browser, earlyTab);
  const earlyPopup = await openPopupFor(browser, earlyTab);
  await expect(earlyPopup.locator('.auto-reply-state')).toHaveText(/^Not answering: this tab was open before Companion started in it/);
  await expect(earlyPopup.getByRole('button', { name: 'Reload tab' })).toBeVisible();
  await expect.poll(() => badgeText(browser, earlyTab)).toBe('!');

  // A tab opened now watches its socket from the start and answers, although the early tab started first.
  const laterTab = await openMattermostAs(browser, alice, 'sysadmin');
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Who answers?' });
  await waitForAutoReplies(sender.client, conversation, sent);
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(1);
  await expect(earlyPopup.locator('.auto-reply-state')).toHaveText(/^On: answering from another tab/);
  await expect.poll(() => badgeText(browser, laterTab)).toBe('ON');
});

test('a signed-out tab stops answering at once, says so, and answers what came meanwhile once signed in again without a page load', async ({ newBrowser, sender, conversation, webapp }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const popup = await enableCompanion(browser, tab);
  await switchAutoReplyOn(popup);

  // The session's cookies go, as when Mattermost signs the browser out; the page stays as it is.
  await browser.context.clearCookies();
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^Not answering: nobody is signed in to Mattermost in this tab/);
  await expect(popup.getByRole('button', { name: 'Go to sign-in' })).toBeVisible();
  await expect.poll(() => badgeText(browser, tab)).toBe('!');
  const whileSignedOut = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Sent while you were signed out' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, whileSignedOut)).toHaveLength(0);

  // The stand-in page does not notice; Mattermost's webapp has moved to its sign-in page.
  if (webapp === 'real-webapp') await signInThroughLoginForm(tab, alice);
  else await signIn(browser.context, alice);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^On: answering/);
  await expect.poll(() => badgeText(browser, tab)).toBe('ON');
  // What came while signed out is caught up on, once.
  await waitForAutoReplies(sender.client, conversation, whileSignedOut);
  await expect(popup.getByText('1 reply today')).toBeVisible();
  await expect((await openSettingsPage(browser)).getByText('Replied late to Dana Tester')).toBeVisible();
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, whileSignedOut)).toHaveLength(1);
});

import { autoRepliesAfterQuietPeriod, directChannelId, waitForAutoReplies } from './actors.ts';
import { badgeText, openPopupFor } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openMattermostAs, signInThroughLoginForm, signOutThroughMenu, switchAutoReplyOn } from './workflows.ts';

const { alice, carol } = server.users;

test('a tab opened signed out answers once the user signs in through the page, without a page load', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  const tab = await browser.context.newPage();
  await tab.goto(`${server.url}/login`);
  const signInField = tab.getByRole('textbox', { name: 'Email or Username' });
  const viewInBrowser = tab.getByText('View in Browser', { exact: true });
  await expect(signInField.or(viewInBrowser).first()).toBeVisible({ timeout: 30_000 });
  if (await viewInBrowser.isVisible()) await viewInBrowser.click();
  await expect(signInField).toBeVisible();

  const popup = await openPopupFor(browser, tab);
  await popup.getByRole('button', { name: 'Enable on this workspace' }).click();
  await expect(popup.locator('.session')).toHaveText(/Sign in to Mattermost here/);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^Not answering: nobody is signed in/);
  await expect(signInField).toBeVisible();

  await signInThroughLoginForm(tab, alice);
  await switchAutoReplyOn(popup, { message: 'Signed in just now, {sender}.' });
  await expect.poll(() => badgeText(browser, tab)).toBe('ON');
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Hello after your sign-in' });
  const [reply] = await waitForAutoReplies(sender.client, conversation, sent);
  expect(reply?.message).toBe('Signed in just now, Dana Tester.');
});

test('another account signing in in the same tab starts with its own settings, never the previous account’s', async ({ newBrowser, sender }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const popup = await enableCompanion(browser, tab);
  await switchAutoReplyOn(popup, { message: "Alice here, I'm on holiday" });

  await signOutThroughMenu(tab);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^Not answering: nobody is signed in/);
  await signInThroughLoginForm(tab, carol);

  const toggle = popup.getByRole('switch', { name: 'Auto-reply' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByRole('textbox', { name: 'Reply message' })).not.toHaveValue(/Alice/);
  await expect(popup.locator('.auto-reply-state')).toHaveText('Off.');

  const toCarol = await directChannelId(sender.client, carol.id);
  const beforeCarolSwitchedOn = Date.now();
  await sender.client.createPost({ channel_id: toCarol, message: 'Carol, are you in?' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, toCarol, beforeCarolSwitchedOn)).toHaveLength(0);

  await switchAutoReplyOn(popup, { message: 'Carol is out today.' });
  const afterCarolSwitchedOn = Date.now();
  await sender.client.createPost({ channel_id: toCarol, message: 'Carol, now?' });
  const [reply] = await waitForAutoReplies(sender.client, toCarol, afterCarolSwitchedOn);
  expect([reply?.user_id, reply?.message]).toEqual([carol.id, 'Carol is out today.']);
  expect(await autoRepliesAfterQuietPeriod(sender.client, toCarol, beforeCarolSwitchedOn, 0)).toHaveLength(1);
});

test('when the server cannot say who is signed in at first, the popup says so and the tab answers once it can', async ({
  newBrowser,
  sender,
  conversation,
  webapp,
}) => {
  test.skip(webapp === 'real-webapp', "Mattermost's webapp gives up loading when /users/me fails; the stand-in keeps trying, as the extension must");
  test.slow();
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  await switchAutoReplyOn(await enableCompanion(browser, tab));

  // A network failure for every "who am I" request during the first 40 s after a page load.
  const failUntil = Date.now() + 40_000;
  await browser.context.route('**/api/v4/users/me', (route) => (Date.now() < failUntil ? route.abort('connectionfailed') : route.continue()));
  await tab.reload();
  const popup = await openPopupFor(browser, tab);
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^Not answering: Mattermost could not be asked who is signed in since \d/, { timeout: 60_000 });

  await expect(popup.locator('.auto-reply-state')).toHaveText(/^On: answering/, { timeout: 45_000 });
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Can you hear me now?' });
  await waitForAutoReplies(sender.client, conversation, sent);
});

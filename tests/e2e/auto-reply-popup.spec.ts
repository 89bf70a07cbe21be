import { readFile } from 'node:fs/promises';
import { autoRepliesAfterQuietPeriod, directChannelId, newTeamMember, waitForAutoReplies } from './actors.ts';
import { openPopupFor, tabIdOf } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openAllSettings, openMattermostAs, openSettingsPage, switchAutoReplyOn } from './workflows.ts';

const { alice } = server.users;

test('a changed reply message applies to the open tab at once', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { message: 'First version' });
  let sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'One' });
  expect((await waitForAutoReplies(sender.client, conversation, sent))[0]?.message).toBe('First version');

  await popup.getByRole('textbox', { name: 'Reply message' }).fill('Second version, {sender}');
  await expect(popup.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();
  const other = await newTeamMember('Ivo');
  const otherConversation = await directChannelId(other.client, alice.id);
  sent = Date.now();
  await other.client.createPost({ channel_id: otherConversation, message: 'Two' });
  expect((await waitForAutoReplies(other.client, otherConversation, sent))[0]?.message).toBe('Second version, Ivo Tester');
});

test('an invalid content rule is refused with the reason and nothing broken is saved; rules keep the order they are given', async ({
  newBrowser,
  sender,
  conversation,
}) => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { message: 'Default answer' });
  const settings = await openAllSettings(browser, popup);

  // Auto-reply's rules come first; the support desk's card further down has its own.
  await settings.getByRole('button', { name: 'Add a rule' }).first().click();
  await settings.getByRole('combobox', { name: 'Rule 1 matches' }).selectOption('pattern');
  await settings.getByRole('textbox', { name: 'Rule 1 keyword or expression' }).fill('invoice(');
  await settings.getByRole('textbox', { name: 'Rule 1 reply' }).fill('See the billing page.');
  await expect(settings.getByRole('alert')).toContainText('Not saved: Rule 1: not a valid regular expression');

  let sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Where is my invoice(' });
  expect((await waitForAutoReplies(sender.client, conversation, sent))[0]?.message).toBe('Default answer');

  // A second rule that also matches, moved up: the first rule that matches answers.
  await settings.getByRole('textbox', { name: 'Rule 1 keyword or expression' }).fill('invoice');
  await expect(settings.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();
  await settings.getByRole('button', { name: 'Add a rule' }).first().click();
  await settings.getByRole('textbox', { name: 'Rule 2 keyword or expression' }).fill('paid');
  await settings.getByRole('textbox', { name: 'Rule 2 reply' }).fill('Payments are handled by Finance.');
  await expect(settings.getByRole('button', { name: 'Move rule 1 up' })).toBeDisabled();
  await settings.getByRole('button', { name: 'Move rule 2 up' }).click();
  await expect(settings.getByRole('textbox', { name: 'Rule 1 keyword or expression' })).toHaveValue('paid');
  await expect(settings.getByRole('textbox', { name: 'Rule 2 keyword or expression' })).toHaveValue('invoice');

  const other = await newTeamMember('Ivo');
  const otherConversation = await directChannelId(other.client, alice.id);
  sent = Date.now();
  await other.client.createPost({ channel_id: otherConversation, message: 'Was my invoice paid?' });
  expect((await waitForAutoReplies(other.client, otherConversation, sent))[0]?.message).toBe('Payments are handled by Finance.');
});

test('settings export to a file and an invalid file is refused on import', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const settings = await openAllSettings(browser, await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob')));
  await settings.getByRole('textbox', { name: 'Reply message' }).fill('Exported message');
  await expect(settings.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();

  const [download] = await Promise.all([settings.waitForEvent('download'), settings.getByRole('button', { name: 'Export settings' }).click()]);
  const exported = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as { message: string; version: number };
  expect(exported).toMatchObject({ version: 2, message: 'Exported message' });

  // The file picker opens from a button, by keyboard as by mouse.
  const importFile = async (file: { name: string; buffer: Buffer }) => {
    const [chooser] = await Promise.all([settings.waitForEvent('filechooser'), settings.getByRole('button', { name: 'Import settings…' }).press('Enter')]);
    await chooser.setFiles({ ...file, mimeType: 'application/json' });
  };
  await importFile({ name: 'broken.json', buffer: Buffer.from('{"version":1,"minutesBetweenReplies":"soon"') });
  await expect(settings.getByRole('alert')).toContainText('The file was not imported, and your settings are unchanged: it is not a JSON file.');
  await importFile({ name: 'wrong.json', buffer: Buffer.from(JSON.stringify({ ...exported, minutesBetweenReplies: 0 })) });
  await expect(settings.getByRole('alert')).toContainText('Minutes between replies: must be at least 1');
  await expect(settings.getByRole('textbox', { name: 'Reply message' })).toHaveValue('Exported message');

  await importFile({ name: 'good.json', buffer: Buffer.from(JSON.stringify({ ...exported, message: 'Imported message' })) });
  await expect(settings.getByText('Settings imported.')).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Reply message' })).toHaveValue('Imported message');
});

test('the options page edits a setting that the open popup and the running tab pick up at once', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  await switchAutoReplyOn(await enableCompanion(browser, tab), { message: 'From the popup' });
  const settings = await openSettingsPage(browser);
  await expect(settings.getByRole('combobox', { name: 'Workspace and account' })).toHaveText(/@alice/);
  await expect(settings.locator('.auto-reply-state')).toHaveText(/^On: answering/);
  const popup = await openPopupFor(browser, tab);
  await expect(popup.getByRole('textbox', { name: 'Reply message' })).toHaveValue('From the popup');

  await settings.getByRole('textbox', { name: 'Reply message' }).fill('From the options page, {sender}');
  await expect(settings.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Reply message' })).toHaveValue('From the options page, {sender}');
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Hello' });
  expect((await waitForAutoReplies(sender.client, conversation, sent))[0]?.message).toBe('From the options page, Dana Tester');

  // And back: the switch in the popup shows on the options page.
  await popup.getByRole('switch', { name: 'Auto-reply' }).click();
  await expect(settings.getByRole('switch', { name: 'Auto-reply' })).toHaveAttribute('aria-checked', 'false');
});

test('the popup lists recent replies, the badge shows auto-reply is on, and switching off shows who still waits', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const popup = await enableCompanion(browser, tab);
  await switchAutoReplyOn(popup);
  const tabId = await tabIdOf(browser, tab);
  await expect.poll(() => browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('ON');

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Hello' });
  await waitForAutoReplies(sender.client, conversation, sent);
  await expect(popup.getByText('1 reply today')).toBeVisible();
  const settings = await openSettingsPage(browser);
  await expect(settings.getByText('Replied to Dana Tester')).toBeVisible();
  await expect(settings.getByRole('img', { name: /Auto-replies per day, last 14 days: .*1$/ })).toBeVisible();
  await settings.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Replies that failed' });
  await expect(settings.getByText('Nothing matches these filters.')).toBeVisible();
  await settings.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Replies sent' });
  await settings.getByRole('textbox', { name: 'Sender' }).fill('dana');
  await expect(settings.getByText('Replied to Dana Tester')).toBeVisible();

  await popup.getByRole('switch', { name: 'Auto-reply' }).click();
  await expect(popup.getByRole('heading', { name: 'While you were away' })).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Dana Tester' })).toBeVisible();
  await expect.poll(() => browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');

  // The tab keeps its settings in memory: the switch-off must reach it, for someone it never answered too.
  const newcomer = await newTeamMember('Uma');
  const newcomerConversation = await directChannelId(newcomer.client, alice.id);
  const afterOff = Date.now();
  await newcomer.client.createPost({ channel_id: newcomerConversation, message: 'Are you there?' });
  expect(await autoRepliesAfterQuietPeriod(newcomer.client, newcomerConversation, afterOff)).toEqual([]);
});

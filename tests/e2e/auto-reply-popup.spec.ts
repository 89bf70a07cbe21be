import { readFile } from 'node:fs/promises';
import { autoRepliesAfterQuietPeriod, directChannelId, newTeamMember, waitForAutoReplies } from './actors.ts';
import { tabIdOf } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

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

test('an invalid content rule is refused with the reason and nothing broken is saved', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { message: 'Default answer' });

  await popup.getByRole('button', { name: 'Add a rule' }).click();
  await popup.getByRole('combobox', { name: 'Rule 1 matches' }).selectOption('pattern');
  await popup.getByRole('textbox', { name: 'Rule 1 keyword or expression' }).fill('invoice(');
  await popup.getByRole('textbox', { name: 'Rule 1 reply' }).fill('See the billing page.');
  await expect(popup.getByRole('alert')).toContainText('Not saved: rules.0: a valid regular expression');

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Where is my invoice(' });
  expect((await waitForAutoReplies(sender.client, conversation, sent))[0]?.message).toBe('Default answer');

  await popup.getByRole('textbox', { name: 'Rule 1 keyword or expression' }).fill('invoice');
  await expect(popup.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();
});

test('settings export to a file and an invalid file is refused on import', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await popup.getByRole('textbox', { name: 'Reply message' }).fill('Exported message');
  await expect(popup.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();

  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export settings' }).click()]);
  const exported = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as { message: string; version: number };
  expect(exported).toMatchObject({ version: 2, message: 'Exported message' });

  await popup.getByLabel('Import settings').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"minutesBetweenReplies":"soon"') });
  await expect(popup.getByRole('alert')).toContainText('The file was not imported, and your settings are unchanged: it is not a JSON file.');
  await popup.getByLabel('Import settings').setInputFiles({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, minutesBetweenReplies: 0 })),
  });
  await expect(popup.getByRole('alert')).toContainText('minutesBetweenReplies');
  await expect(popup.getByRole('textbox', { name: 'Reply message' })).toHaveValue('Exported message');

  await popup.getByLabel('Import settings').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, message: 'Imported message' })),
  });
  await expect(popup.getByText('Settings imported.')).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Reply message' })).toHaveValue('Imported message');
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
  await expect(popup.getByText('Replied to Dana Tester')).toBeVisible();
  await expect(popup.getByRole('img', { name: /Auto-replies per day, last 14 days: .*1$/ })).toBeVisible();

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

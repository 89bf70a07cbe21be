import { expect, test } from '@playwright/test';
import type { Client4 } from '../../scripts/mattermost/mattermost-client.ts';
import {
  autoRepliesAfterQuietPeriod,
  directChannelId,
  newTeamMember,
  postsSince,
  signedInClient,
  unreadMessageCount,
  waitForAutoReplies,
} from './actors.ts';
import { launchExtensionBrowser, makeProfileDir, removeProfileDir, type ExtensionBrowser } from './extension.ts';
import { server, type SeededUser } from './mattermost.ts';
import { enableCompanion, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

const { alice } = server.users;

let browsers: ExtensionBrowser[] = [];
let asAlice: Client4;
/** A new colleague per test, writing to alice in a conversation with no history. */
let sender: { client: Client4; user: SeededUser };
let conversation: string;

async function newBrowser(): Promise<ExtensionBrowser> {
  const browser = await launchExtensionBrowser(await makeProfileDir());
  browsers.push(browser);
  return browser;
}

test.beforeEach(async () => {
  asAlice = await signedInClient(alice);
  await asAlice.updateStatus({ user_id: alice.id, status: 'online', manual: false } as never);
  sender = await newTeamMember('Dana');
  conversation = await directChannelId(sender.client, alice.id);
});

test.afterEach(async () => {
  for (const browser of browsers) {
    await browser.close();
    await removeProfileDir(browser.profileDir);
  }
  browsers = [];
});

test('a direct message gets one reply in its thread; status and unread marker stay as they were', async () => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { message: 'Away until Monday, {sender}.' });
  await asAlice.updateStatus({ user_id: alice.id, status: 'dnd', manual: true } as never);

  const sent = Date.now();
  const question = await sender.client.createPost({ channel_id: conversation, message: 'Do you have a minute?' });
  const [reply] = await waitForAutoReplies(sender.client, conversation, sent);

  expect(reply?.message).toBe('Away until Monday, Dana Tester.');
  expect(reply?.user_id).toBe(alice.id);
  expect(reply?.root_id).toBe(question.id);
  expect((await asAlice.getStatus(alice.id)).status).toBe('dnd');
  expect(await unreadMessageCount(asAlice, alice.id, conversation)).toBeGreaterThan(0);

  const followUp = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Also, lunch?' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, followUp)).toHaveLength(0);
});

test('no reply while the user has written in the conversation within the interval', async () => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { minutesBetweenReplies: 60 });
  await asAlice.createPost({ channel_id: conversation, message: 'Hi Dana, I am around.' });

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Quick question' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(0);
});

test('three tabs and a second browser profile give one reply to one message', async () => {
  const first = await newBrowser();
  const popup = await enableCompanion(first, await openMattermostAs(first, alice, 'bob'));
  await switchAutoReplyOn(popup);
  await openMattermostAs(first, alice, 'carol');
  await openMattermostAs(first, alice, 'sysadmin');

  const second = await newBrowser();
  const secondPopup = await enableCompanion(second, await openMattermostAs(second, alice, 'bob'));
  await switchAutoReplyOn(secondPopup);

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Anyone home?' });
  await waitForAutoReplies(sender.client, conversation, sent);
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(1);
});

test('two people with auto-reply on exchange at most one auto-reply each', async () => {
  const erin = await newTeamMember('Erin');
  const finn = await newTeamMember('Finn');
  for (const person of [erin, finn]) {
    const browser = await newBrowser();
    await switchAutoReplyOn(await enableCompanion(browser, await openMattermostAs(browser, person.user, 'alice')));
  }

  const erinAndFinn = await directChannelId(erin.client, finn.user.id);
  const sent = Date.now();
  // Erin herself writes: Finn's auto-reply answers her, and Erin's never answers Finn's auto-reply.
  await erin.client.createPost({ channel_id: erinAndFinn, message: 'Ping from Erin' });
  await waitForAutoReplies(erin.client, erinAndFinn, sent);

  const replies = await autoRepliesAfterQuietPeriod(erin.client, erinAndFinn, sent, 6_000);
  expect(replies.map((post) => post.user_id)).toEqual([finn.user.id]);
  expect(await postsSince(erin.client, erinAndFinn, sent)).toHaveLength(2);
});

import type { Post } from '@mattermost/types/posts';
import { Client4 } from '../../scripts/mattermost/mattermost-client.ts';
import { autoRepliesAfterQuietPeriod, directChannelId, isCompanionReply, postsSince, requestJson, signedInClient, waitForAutoReplies } from './actors.ts';
import { openPopupFor } from './extension.ts';
import { expect, test } from './fixtures.ts';
import { directMessageUrl, server } from './mattermost.ts';
import { enableCompanion, openAllSettings, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

const { alice, carol } = server.users;

async function botClient(admin: Client4): Promise<Client4> {
  const bot = await requestJson<{ user_id: string }>(admin, 'POST', '/bots', { username: `robot-${Date.now().toString(36)}`, display_name: 'Robot' });
  const token = await requestJson<{ token: string }>(admin, 'POST', `/users/${bot.user_id}/tokens`, { description: 'end-to-end test' });
  const client = new Client4();
  client.setUrl(server.url);
  client.setToken(token.token);
  return client;
}

test('bots, webhooks, system messages, group messages and channel posts get no reply by default', async ({ newBrowser, sender, conversation }) => {
  const browser = await newBrowser();
  await switchAutoReplyOn(await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob')));
  const admin = await signedInClient(server.admin);
  const sent = Date.now();

  const robot = await botClient(admin);
  const robotToAlice = await directChannelId(robot, alice.id);
  await robot.createPost({ channel_id: robotToAlice, message: 'Build finished.' });

  const townSquare = await admin.getChannelByName(server.team.id, 'town-square');
  const hook = await requestJson<{ id: string }>(admin, 'POST', '/hooks/incoming', { channel_id: townSquare.id, display_name: 'CI' });
  const hookAnswer = await fetch(`${server.url}/hooks/${hook.id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel: `@${alice.username}`, text: 'Deploy done.' }),
  });
  expect(hookAnswer.ok).toBe(true);
  const adminToAlice = await directChannelId(admin, alice.id);

  // A system message in the conversation itself: the sender changes its header.
  await sender.client.patchChannel(conversation, { header: 'Project Falcon' });

  const group = await sender.client.createGroupChannel([sender.user.id, alice.id, carol.id]);
  await sender.client.createPost({ channel_id: group.id, message: 'Hello both' });
  await sender.client.createPost({ channel_id: townSquare.id, message: `@${alice.username} can you look at this?` });

  // A plain direct message afterwards, to know the extension was listening all along.
  await sender.client.createPost({ channel_id: conversation, message: 'And one for you directly' });
  const [reply] = await waitForAutoReplies(sender.client, conversation, sent);
  const answered = (await postsSince(sender.client, conversation, sent)).find((post: Post) => post.id === reply?.root_id);
  expect(answered?.message).toBe('And one for you directly');

  // Give the extension time to answer wrongly before looking.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  for (const channelId of [robotToAlice, adminToAlice, group.id, townSquare.id]) {
    expect(await autoRepliesAfterQuietPeriod(admin, channelId, sent, 0), channelId).toHaveLength(0);
  }
  expect((await postsSince(sender.client, conversation, sent)).filter(isCompanionReply)).toHaveLength(1);
});

test('group messages and @mentions are answered once switched on', async ({ newBrowser, sender }) => {
  const browser = await newBrowser();
  const settings = await openAllSettings(browser, await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob')));
  await settings.getByRole('checkbox', { name: 'Group messages' }).check();
  await settings.getByRole('checkbox', { name: '@mentions in channels' }).check();
  await switchAutoReplyOn(settings);
  const channel = await sender.client.createChannel({
    team_id: server.team.id,
    name: `falcon-${Date.now().toString(36)}`,
    display_name: 'Falcon',
    type: 'O',
  } as never);
  const admin = await signedInClient(server.admin);
  await admin.addToChannel(alice.id, channel.id);
  const group = await sender.client.createGroupChannel([sender.user.id, alice.id, carol.id]);

  const sent = Date.now();
  await sender.client.createPost({ channel_id: group.id, message: 'Hello both' });
  await sender.client.createPost({ channel_id: channel.id, message: 'Nobody mentioned here' });
  const mention = await sender.client.createPost({ channel_id: channel.id, message: `@${alice.username} please review` });

  await waitForAutoReplies(sender.client, group.id, sent);
  const [channelReply] = await waitForAutoReplies(sender.client, channel.id, sent);
  expect(channelReply?.root_id).toBe(mention.id);
  expect(await autoRepliesAfterQuietPeriod(sender.client, channel.id, sent)).toHaveLength(1);
});

test('@channel, @all and @here are no mention of the user unless chosen, live and at catch-up alike', async ({ newBrowser, sender }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const settings = await openAllSettings(browser, await enableCompanion(browser, tab));
  await settings.getByRole('checkbox', { name: '@mentions in channels' }).check();
  await switchAutoReplyOn(settings);
  const channel = await sender.client.createChannel({
    team_id: server.team.id,
    name: `heron-${Date.now().toString(36)}`,
    display_name: 'Heron',
    type: 'O',
  } as never);
  await (await signedInClient(server.admin)).addToChannel(alice.id, channel.id);

  const live = Date.now();
  await sender.client.createPost({ channel_id: channel.id, message: '@channel the build is green' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, channel.id, live)).toHaveLength(0);

  // At catch-up the same rule: the tab away, an @all and a personal mention, only the latter answered.
  await tab.close();
  const away = Date.now();
  await sender.client.createPost({ channel_id: channel.id, message: '@all standup moved' });
  const personal = await sender.client.createPost({ channel_id: channel.id, message: `@${alice.username}: can you check?` });
  const reopened = await browser.context.newPage();
  await reopened.goto(directMessageUrl('bob'));
  const [reply] = await waitForAutoReplies(sender.client, channel.id, away);
  expect(reply?.root_id).toBe(personal.id);
  expect(await autoRepliesAfterQuietPeriod(sender.client, channel.id, away)).toHaveLength(1);

  // Chosen: channel-wide mentions are answered.
  const settingsAgain = await openAllSettings(browser, await openPopupFor(browser, reopened));
  await settingsAgain.getByRole('checkbox', { name: 'Count @channel, @all and @here as mentions' }).check();
  await expect(settingsAgain.getByRole('checkbox', { name: 'Count @channel, @all and @here as mentions' })).toBeChecked();
  // Saved on change; the storage write is not awaited by the checkbox.
  await new Promise((resolve) => setTimeout(resolve, 500));
  // In another channel: this one had its reply within the interval.
  const another = await sender.client.createChannel({ team_id: server.team.id, name: `ibis-${Date.now().toString(36)}`, display_name: 'Ibis', type: 'O' } as never);
  await (await signedInClient(server.admin)).addToChannel(alice.id, another.id);
  const chosen = Date.now();
  const announcement = await sender.client.createPost({ channel_id: another.id, message: '@here who has the keys?' });
  const [channelWideReply] = await waitForAutoReplies(sender.client, another.id, chosen);
  expect(channelWideReply?.root_id).toBe(announcement.id);
});

test('while Mattermost’s own auto-responder is on, Companion leaves the answer to it and says so', async ({ newBrowser, asAlice, sender, conversation }) => {
  const me = await asAlice.getMe();
  const notifyProps = { ...me.notify_props };
  await asAlice.patchMe({ notify_props: { ...notifyProps, auto_responder_active: 'true', auto_responder_message: 'Out of office (native).' } } as never);
  try {
    const browser = await newBrowser();
    const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
    await popup.getByRole('switch', { name: 'Auto-reply' }).click();
    await expect(popup.getByText("Mattermost's own auto-responder is on for you")).toBeVisible();

    const sent = Date.now();
    await sender.client.createPost({ channel_id: conversation, message: 'Hello?' });
    await expect
      .poll(async () => (await postsSince(sender.client, conversation, sent)).some((post) => (post.type as string) === 'system_auto_responder'))
      .toBe(true);
    expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(0);
  } finally {
    await asAlice.patchMe({ notify_props: { ...notifyProps, auto_responder_active: 'false' } } as never);
    await asAlice.updateStatus({ user_id: alice.id, status: 'online', manual: false } as never);
  }
});

import { requestJson, signedInClient, waitForAutoReplies } from './actors.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

/**
 * Replying is posting as the user, which the server takes for reading: with
 * collapsed threads off the whole channel is marked viewed, with them on the
 * thread. After an auto-reply the user's unread state is what it was, in both
 * server settings, for a message at the root and one inside a thread.
 */
const { alice } = server.users;

interface ChannelUnread {
  msg_count: number;
  mention_count: number;
}
interface ThreadState {
  unread_replies: number;
  unread_mentions: number;
}

const channelUnread = (client: Parameters<typeof requestJson>[0], channelId: string) =>
  requestJson<ChannelUnread>(client, 'GET', `/users/${alice.id}/channels/${channelId}/unread`);
const threadState = (client: Parameters<typeof requestJson>[0], rootId: string) =>
  requestJson<ThreadState>(client, 'GET', `/users/${alice.id}/teams/${server.team.id}/threads/${rootId}`);

for (const collapsedThreads of ['always_on', 'disabled'] as const) {
  test.describe(`collapsed threads ${collapsedThreads}`, () => {
    test.beforeAll(async () => {
      const admin = await signedInClient(server.admin);
      await admin.patchConfig({ ServiceSettings: { CollapsedThreads: collapsedThreads } } as never);
    });
    test.afterAll(async () => {
      const admin = await signedInClient(server.admin);
      await admin.patchConfig({ ServiceSettings: { CollapsedThreads: 'always_on' } } as never);
    });

    test(`a message at the root stays unread after the reply (collapsed threads ${collapsedThreads})`, async ({ newBrowser, asAlice, sender, conversation }) => {
      const browser = await newBrowser();
      await switchAutoReplyOn(await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob')));

      const sent = Date.now();
      await sender.client.createPost({ channel_id: conversation, message: 'A question for you' });
      await waitForAutoReplies(sender.client, conversation, sent);

      await expect
        .poll(async () => channelUnread(asAlice, conversation), { timeout: 10_000 })
        .toMatchObject({ msg_count: expect.any(Number), mention_count: 1 });
      expect((await channelUnread(asAlice, conversation)).msg_count).toBeGreaterThan(0);
    });

    test(`a message inside a thread leaves the thread and the conversation unread, mentions counted (collapsed threads ${collapsedThreads})`, async ({
      newBrowser,
      asAlice,
      sender,
      conversation,
    }) => {
      // A thread alice has not read yet: a question and a first follow-up, before auto-reply is on.
      const root = await sender.client.createPost({ channel_id: conversation, message: 'About the release' });
      await sender.client.createPost({ channel_id: conversation, root_id: root.id, message: 'It is due on Friday' });

      const browser = await newBrowser();
      await switchAutoReplyOn(await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob')));

      const sent = Date.now();
      await sender.client.createPost({ channel_id: conversation, root_id: root.id, message: 'Can you sign it off?' });
      const [reply] = await waitForAutoReplies(sender.client, conversation, sent);
      expect(reply?.root_id).toBe(root.id);

      // In a DM every message from the other person counts as a mention: three unread, none lost to the reply.
      if (collapsedThreads === 'always_on') {
        await expect.poll(async () => threadState(asAlice, root.id), { timeout: 10_000 }).toMatchObject({ unread_mentions: 2 });
        expect((await threadState(asAlice, root.id)).unread_replies).toBeGreaterThanOrEqual(2);
      } else {
        await expect.poll(async () => (await channelUnread(asAlice, conversation)).mention_count, { timeout: 10_000 }).toBe(3);
      }
      expect((await channelUnread(asAlice, conversation)).msg_count).toBeGreaterThan(0);
    });
  });
}

import {
  autoRepliesAfterQuietPeriod,
  directChannelId,
  newTeamMember,
  postsSince,
  signedInClient,
  unreadMessageCount,
  waitForAutoReplies,
} from './actors.ts';
import { reportUserIdle } from './desktopApp.ts';
import { followExtensionRequests, routeOf } from './extensionRequests.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

const { alice } = server.users;

test('a direct message gets one reply in its thread; status and unread marker stay as they were', async ({ newBrowser, asAlice, sender, conversation }) => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { message: 'Away until Monday, {sender}.' });
  // The server writes "offline" for a closed socket up to half a second later, without
  // looking again at manual statuses; the reload in enableCompanion closed one.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await asAlice.updateStatus({ user_id: alice.id, status: 'dnd', manual: true } as never);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect((await asAlice.getStatus(alice.id)).status).toBe('dnd');

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

test('a message in a conversation answered a moment ago costs no request; an answer costs the reply alone once the sender is known', async ({
  newBrowser,
  sender,
  conversation,
}) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, 'bob');
  const requests = await followExtensionRequests(tab);
  await switchAutoReplyOn(await enableCompanion(browser, tab));
  const routesSince = (index: number) => requests.sent().slice(index).map(routeOf);

  const first = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Do you have a minute?' });
  await waitForAutoReplies(sender.client, conversation, first);

  // Within the minutes between replies: settled from what the tab heard on the socket.
  const beforeThrottled = requests.sent().length;
  const followUp = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Also, lunch?' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, followUp)).toHaveLength(0);
  expect(routesSince(beforeThrottled)).toEqual([]);

  // A new direct conversation: its partner's name is looked up as it opens, so the answer is the reply alone.
  const beforeOpening = requests.sent().length;
  const newcomer = await newTeamMember('Erin');
  const newConversation = await directChannelId(newcomer.client, alice.id);
  await expect.poll(() => routesSince(beforeOpening)).toContain('POST /api/v4/users/ids');
  const beforeAnswer = requests.sent().length;
  const asked = Date.now();
  await newcomer.client.createPost({ channel_id: newConversation, message: 'Hello there' });
  const [reply] = await waitForAutoReplies(newcomer.client, newConversation, asked);
  expect(reply?.message).toContain('Erin Tester');
  // Collapsed threads are on (the server's default): a reply at the root touches no unread state.
  await expect.poll(() => routesSince(beforeAnswer)).toEqual(['POST /api/v4/posts']);
  expect(await autoRepliesAfterQuietPeriod(newcomer.client, newConversation, asked, 2_000)).toHaveLength(1);
  expect(routesSince(beforeAnswer)).toEqual(['POST /api/v4/posts']);
});

test('an automatically away user stays away while auto-reply answers', async ({ newBrowser, asAlice }) => {
  test.setTimeout(300_000);
  const admin = await signedInClient(server.admin);
  await admin.patchConfig({ TeamSettings: { UserStatusAwayTimeout: 1 } } as never);
  try {
    const browser = await newBrowser();
    const tab = await openMattermostAs(browser, alice, 'bob');
    await switchAutoReplyOn(await enableCompanion(browser, tab));
    // The webapp itself sets "online" now and then: every socket of the user's that (re)connects does on the
    // server, and so does viewing a channel (`POST /channels/members/me/view`, which the webapp sends some seconds
    // after a page load). A round during which the page did either proves nothing and is played again with a new
    // sender; "online" without either is a failure. The extension does neither.
    let webappActivity = 0;
    tab.on('websocket', () => (webappActivity += 1));
    // The page's posts are the reply's alone (nobody types): each must ask the server to leave the status alone.
    const postsSent: string[] = [];
    tab.on('request', (request) => {
      if (request.method() !== 'POST') return;
      const url = new URL(request.url());
      if (url.pathname === '/api/v4/posts') postsSent.push(url.search);
      if (url.pathname === '/api/v4/channels/members/me/view') webappActivity += 1;
    });
    const disturbedRounds: string[] = [];
    for (let round = 1; ; round += 1) {
      // As the Desktop app has the webapp do after a while without input: the server then sets an automatic
      // "away", unless something of the user's was active within the last second, so the report is repeated
      // until the server agrees.
      await expect
        .poll(
          async () => {
            await reportUserIdle(tab);
            return (await asAlice.getStatus(alice.id)).status;
          },
          { intervals: [1_500], timeout: 45_000 },
        )
        .toBe('away');
      const activityBefore = webappActivity;
      postsSent.length = 0;

      const sender = await newTeamMember('Quinn');
      const conversation = await directChannelId(sender.client, alice.id);
      const sent = Date.now();
      await sender.client.createPost({ channel_id: conversation, message: 'Are you there?' });
      await waitForAutoReplies(sender.client, conversation, sent);
      expect(postsSent).toEqual(['?set_online=false']);

      const status = await asAlice.getStatus(alice.id);
      if (webappActivity === activityBefore || round === 3) {
        expect([status.status, status.manual], `rounds in which the webapp set "online" itself: ${disturbedRounds.join(', ') || 'none'}`).toEqual(['away', false]);
        break;
      }
      disturbedRounds.push(`${round} (${status.status})`);
    }
  } finally {
    await admin.patchConfig({ TeamSettings: { UserStatusAwayTimeout: 300 } } as never);
  }
});

test('no reply while the user has written in the conversation within the interval', async ({ newBrowser, asAlice, sender, conversation }) => {
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, alice, 'bob'));
  await switchAutoReplyOn(popup, { minutesBetweenReplies: 60 });
  await asAlice.createPost({ channel_id: conversation, message: 'Hi Dana, I am around.' });

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Quick question' });
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(0);

  // Meanwhile a conversation where alice has not written gets its reply: auto-reply was on all along.
  const other = await newTeamMember('Jo');
  const otherConversation = await directChannelId(other.client, alice.id);
  const otherSent = Date.now();
  await other.client.createPost({ channel_id: otherConversation, message: 'Quick question too' });
  await waitForAutoReplies(other.client, otherConversation, otherSent);
});

test('three tabs and a second browser profile give one reply to one message', async ({ newBrowser, sender, conversation }) => {
  const first = await newBrowser();
  const popup = await enableCompanion(first, await openMattermostAs(first, alice, 'bob'));
  await switchAutoReplyOn(popup);
  await openMattermostAs(first, alice, 'carol');
  await openMattermostAs(first, alice, 'sysadmin');

  const second = await newBrowser();
  await switchAutoReplyOn(await enableCompanion(second, await openMattermostAs(second, alice, 'bob')));

  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Anyone home?' });
  await waitForAutoReplies(sender.client, conversation, sent);
  expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(1);
});

test('two people with auto-reply on exchange at most one auto-reply each', async ({ newBrowser }) => {
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

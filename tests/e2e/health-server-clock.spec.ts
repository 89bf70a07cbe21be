import { autoRepliesAfterQuietPeriod, waitForAutoReplies } from './actors.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { enableCompanion, openMattermostAs, switchAutoReplyOn } from './workflows.ts';

const { alice } = server.users;

for (const clockShift of ['+20m', '-20m']) {
  test(`a direct message is answered once with the browser’s clock ${clockShift.startsWith('+') ? '20 minutes ahead of' : '20 minutes behind'} the server`, async ({
    newBrowser,
    sender,
    conversation,
  }) => {
    const browser = await newBrowser({ clockShift });
    const tab = await openMattermostAs(browser, alice, 'bob');
    const shownOffset = await tab.evaluate(() => Date.now());
    expect(Math.abs(shownOffset - Date.now() - (clockShift.startsWith('+') ? 1 : -1) * 20 * 60_000)).toBeLessThan(60_000);
    await switchAutoReplyOn(await enableCompanion(browser, tab));

    const sent = Date.now();
    await sender.client.createPost({ channel_id: conversation, message: 'What time is it for you?' });
    await waitForAutoReplies(sender.client, conversation, sent);
    await sender.client.createPost({ channel_id: conversation, message: 'And a follow-up' });
    expect(await autoRepliesAfterQuietPeriod(sender.client, conversation, sent)).toHaveLength(1);
  });
}

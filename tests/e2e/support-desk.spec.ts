import type { Locator } from '@playwright/test';
import type { Post } from '@mattermost/types/posts';
import { readFile } from 'node:fs/promises';
import type { Client4 } from '../../scripts/mattermost/mattermost-client.ts';
import { auditAndCapture } from './accessibilityAudit.ts';
import { newTeamMember, requestJson, signedInClient, type TeamMember } from './actors.ts';
import { expect, test } from './fixtures.ts';
import { server } from './mattermost.ts';
import { hasRealWebapp } from './servedWebapp.ts';
import type { ExtensionBrowser } from './extension.ts';
import { enableCompanion, openMattermostAs, openSettingsPage } from './workflows.ts';

const { alice } = server.users;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh public help channel with alice in it, and the people given. */
async function helpChannel(asAlice: Client4, people: readonly TeamMember[]): Promise<{ id: string; displayName: string }> {
  const name = `help-${Date.now().toString(36)}`;
  const channel = await asAlice.createChannel({ team_id: server.team.id, name, display_name: `Help ${name.slice(5)}`, type: 'O' } as never);
  for (const person of people) await asAlice.addToChannel(person.user.id, channel.id);
  return { id: channel.id, displayName: channel.display_name };
}

/**
 * The desk acts on what the page's socket brings, so its automation is tested in Mattermost's own webapp; the
 * stand-in page runs it only where that webapp is missing.
 */
const standInLeavesItToRealWebapp = (projectOrWebapp: string) => projectOrWebapp === 'stand-in' && hasRealWebapp();
function skipInStandInWhereRealWebappRuns(webapp: string): void {
  test.skip(standInLeavesItToRealWebapp(webapp), 'the desk’s automation is tested in Mattermost’s own webapp');
}

/** Sets the server's collapsed threads (`always_on` is the server's default). */
async function setCollapsedThreads(setting: 'always_on' | 'disabled'): Promise<void> {
  await (await signedInClient(server.admin)).patchConfig({ ServiceSettings: { CollapsedThreads: setting } } as never);
}

/** Minutes to the hundredth, as the CSV gives them. */
const csvMinutes = (ms: number) => String(Math.round(ms / 600) / 100);

test('the desk’s analytics of a help channel equal the figures worked out from its history, and an open question links to its thread', async ({
  newBrowser,
  asAlice,
  webapp,
}) => {
  const [tess, ann, bob] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann'), newTeamMember('Bob')]);
  const channel = await helpChannel(asAlice, [tess, ann, bob]);
  const post = (who: { client: Client4 }, message: string, rootId = '') =>
    who.client.createPost({ channel_id: channel.id, message, root_id: rootId } as Post);
  const asTess = { client: tess.client };
  const asAliceActor = { client: asAlice };

  // Three questions from outside the team, one post by the team itself, replies a little later.
  const q1 = await post(ann, 'My VPN is down #vpn');
  await pause(1_100);
  const q2 = await post(bob, 'The printer on floor 3 jams');
  await pause(1_100);
  const r1 = await post(asTess, 'Looking into it', q1.id);
  await post(ann, 'Thanks', q1.id);
  await pause(1_100);
  const r2 = await post(asAliceActor, 'Which printer exactly?', q2.id);
  await post(asTess, 'Maintenance tonight at 20:00');
  const q3 = await post(ann, 'Cannot log in to the wiki #wiki #vpn');
  await pause(1_100);
  await asAlice.addReaction(alice.id, q1.id, 'white_check_mark');
  // The asker's own ✅ does not make a question solved.
  await ann.client.addReaction(ann.user.id, q3.id, 'white_check_mark');

  // Worked out from the server's own record of the channel.
  const stored = await requestJson<{ posts: Record<string, Post & { metadata?: { reactions?: Array<{ user_id: string; emoji_name: string; create_at: number }> } }> }>(
    asAlice,
    'GET',
    `/channels/${channel.id}/posts?per_page=200`,
  );
  const byId = (id: string) => stored.posts[id] as (typeof stored.posts)[string];
  const firstResponses = [byId(r1.id).create_at - byId(q1.id).create_at, byId(r2.id).create_at - byId(q2.id).create_at];
  // Of two, the median (nearest rank) is the shorter and the 90th percentile the longer.
  const [fasterResponse, slowerResponse] = [Math.min(...firstResponses), Math.max(...firstResponses)];
  const solvedReaction = byId(q1.id).metadata?.reactions?.find((reaction) => reaction.user_id === alice.id);
  expect(solvedReaction).toBeDefined();
  const timeToSolved = (solvedReaction?.create_at ?? 0) - byId(q1.id).create_at;
  const perDay = new Map<string, number>();
  for (const question of [q1, q2, q3]) {
    const day = new Date(byId(question.id).create_at).toISOString().slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }

  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, ann.user.username);
  await enableCompanion(browser, tab);
  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await desk.getByRole('combobox', { name: 'Support channel' }).selectOption({ label: `${channel.displayName} (Companion)` });
  await desk.getByRole('textbox', { name: 'Team members (usernames)' }).fill(`${alice.username}, @${tess.user.username}`);
  await desk.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByText('Desk settings saved.')).toBeVisible();

  await desk.getByRole('button', { name: 'Analyse the channel' }).click();
  const summary = desk.getByRole('table', { name: 'Summary' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('row', { name: /^Questions/ })).toHaveText(/Questions\s*3/);
  await expect(summary.getByRole('row', { name: /^Solved/ }).first()).toHaveText(/Solved\s*1/);
  await expect(summary.getByRole('row', { name: /^Open/ })).toHaveText(/Open\s*2/);

  const open = desk.getByRole('table', { name: /Open questions/ });
  await expect(open.getByRole('link')).toHaveText(['The printer on floor 3 jams', 'Cannot log in to the wiki #wiki #vpn']);
  await expect(open.getByRole('link').first()).toHaveAttribute('href', `${server.url}/_redirect/pl/${q2.id}`);
  await auditAndCapture(options, 'options-support-desk', { capture: webapp === 'stand-in' });

  // The exported figures, to the hundredth of a minute.
  const [download] = await Promise.all([options.waitForEvent('download'), desk.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const tables = csv.slice(1).trimEnd().split('\r\n\r\n').map((table) => table.split('\r\n'));
  expect(tables[0]).toEqual([
    'Figure,Value',
    'Questions,3',
    'Solved,1',
    `"First response, median (minutes)",${csvMinutes(fasterResponse)}`,
    `"First response, 90th percentile (minutes)",${csvMinutes(slowerResponse)}`,
    `"Time to solved, median (minutes)",${csvMinutes(timeToSolved)}`,
    `"Time to solved, 90th percentile (minutes)",${csvMinutes(timeToSolved)}`,
  ]);
  expect(tables[1]).toEqual(['Date,Questions', ...[...perDay].map(([day, count]) => `${day},${count}`)]);
  expect(tables.find((table) => table[0] === 'Asked by,Questions')).toEqual(['Asked by,Questions', `${ann.user.username},2`, `${bob.user.username},1`]);
  expect(tables.find((table) => table[0] === 'Tag,Questions')).toEqual(['Tag,Questions', 'vpn,2', 'wiki,1']);

  // A question solved meanwhile: asking again reads only what changed.
  await asAlice.addReaction(alice.id, q2.id, 'white_check_mark');
  await desk.getByRole('button', { name: 'Analyse the channel' }).click();
  await expect(desk.getByText(/^Updated from \d+ posts created or changed since the last analysis/)).toBeVisible();
  await expect(summary.getByRole('row', { name: /^Solved/ }).first()).toHaveText(/Solved\s*2/);
  await expect(open.getByRole('link')).toHaveText(['Cannot log in to the wiki #wiki #vpn']);

  if (webapp === 'real-webapp') {
    // Mattermost's webapp opens the thread the link names.
    const [thread] = await Promise.all([options.context().waitForEvent('page'), open.getByRole('link').first().click()]);
    await expect(thread.getByText('Cannot log in to the wiki').first()).toBeVisible({ timeout: 60_000 });
    expect(thread.url()).toContain(q3.id);
  }
});

test('a Mattermost group as the desk’s team is refused in plain words on a server without a licence, and nothing is saved', async ({ newBrowser, asAlice }) => {
  const [tess] = await Promise.all([newTeamMember('Tess')]);
  const channel = await helpChannel(asAlice, [tess]);
  const browser = await newBrowser();
  await enableCompanion(browser, await openMattermostAs(browser, alice, tess.user.username));
  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await desk.getByRole('combobox', { name: 'Support channel' }).selectOption({ label: `${channel.displayName} (Companion)` });
  await desk.getByRole('textbox', { name: 'Team group (optional)' }).fill('@support-team');
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByRole('alert')).toContainText('Mattermost groups need a licensed server: this one refused. List the team members by username instead.');
  await expect(desk.getByRole('alert')).toContainText('(api endpoint requires a license)');
  await options.reload();
  await expect(options.getByRole('region', { name: 'Support desk' }).getByRole('combobox', { name: 'Support channel' }).locator('option:checked')).toHaveText('No channel chosen');
});

type ThreadPost = Post & { metadata?: { reactions?: Array<{ user_id: string; emoji_name: string }> } };

/** The replies in a question's thread, oldest first. */
async function repliesTo(client: Client4, rootId: string): Promise<ThreadPost[]> {
  const thread = await requestJson<{ posts: Record<string, ThreadPost> }>(client, 'GET', `/posts/${rootId}/thread`);
  return Object.values(thread.posts)
    .filter((post) => post.root_id === rootId)
    .sort((a, b) => a.create_at - b.create_at);
}

async function reactionsOn(client: Client4, postId: string): Promise<Array<{ user_id: string; emoji_name: string }>> {
  return (await requestJson<ThreadPost>(client, 'GET', `/posts/${postId}`)).metadata?.reactions ?? [];
}

/** Chooses the support channels on the options page's desk card, adding a row for each after the first. */
async function chooseSupportChannels(desk: Locator, channels: ReadonlyArray<{ displayName: string }>): Promise<void> {
  for (const [index, channel] of channels.entries()) {
    if (index > 0) {
      await desk.getByRole('button', { name: 'Add a support channel' }).click();
      // The new row's choice takes the focus.
      await expect(desk.getByRole('combobox', { name: `Support channel ${index + 1}`, exact: true })).toBeFocused();
    }
    // While it is the only row, the first is just "Support channel".
    const name = index === 0 ? 'Support channel' : `Support channel ${index + 1}`;
    await desk.getByRole('combobox', { name, exact: true }).selectOption({ label: `${channel.displayName} (Companion)` });
  }
}

/**
 * Chooses the support channel(s) and team on the options page's desk card and switches automatic answers on, from
 * the keyboard, with one rule for "vpn" and the feedback request left on.
 */
async function switchDeskAnswersOn(desk: Locator, channel: { displayName: string } | ReadonlyArray<{ displayName: string }>, team: readonly string[]): Promise<void> {
  await chooseSupportChannels(desk, Array.isArray(channel) ? channel : [channel]);
  await desk.getByRole('textbox', { name: 'Team members (usernames)' }).fill(team.join(', '));
  const answerSwitch = desk.getByRole('checkbox', { name: 'Answer questions automatically' });
  await answerSwitch.focus();
  await desk.page().keyboard.press('Space');
  await expect(answerSwitch).toBeChecked();
  await expect(desk.getByRole('checkbox', { name: 'Ask the asker for a 👍 when the answer solved it' })).toBeChecked();
  await desk.getByRole('button', { name: 'Add a rule' }).click();
  await desk.getByRole('textbox', { name: 'Rule 1 keyword or expression' }).fill('vpn');
  await desk.getByRole('textbox', { name: 'Rule 1 reply' }).fill('Restart the VPN client, then sign in again.');
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByText('Desk settings saved.')).toBeVisible();
}

test('the desk answers a matching question once in its thread with two tabs open, never the team’s or an unmatched one, and the asker’s 👍 marks it solved', async ({
  newBrowser,
  asAlice,
  webapp,
}) => {
  skipInStandInWhereRealWebappRuns(webapp);
  test.setTimeout(180_000);
  const [tess, ann, bob] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann'), newTeamMember('Bob')]);
  const channel = await helpChannel(asAlice, [tess, ann, bob]);
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, ann.user.username);
  await enableCompanion(browser, tab);
  // A second tab of the same account: one of the two answers.
  await openMattermostAs(browser, alice, bob.user.username);

  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await switchDeskAnswersOn(desk, channel, [alice.username, tess.user.username]);

  const post = (who: TeamMember, message: string) => who.client.createPost({ channel_id: channel.id, message } as Post);
  const fromTeam = await post(tess, 'VPN maintenance tonight at 20:00');
  const unmatched = await post(bob, 'The printer on floor 3 jams');
  const question = await post(ann, 'My VPN is down since this morning');

  await expect.poll(async () => (await repliesTo(asAlice, question.id)).length, { timeout: 30_000 }).toBe(1);
  const [answer] = await repliesTo(asAlice, question.id);
  expect(answer?.user_id).toBe(alice.id);
  expect(answer?.message).toBe('Restart the VPN client, then sign in again.\n\nIf this solved your issue, react with :+1: to this answer.');
  expect(answer?.props).toMatchObject({ companion_desk: 'answer' });
  // Questions are taken as they come, so both others were decided by now; a moment more shows nothing else arrives.
  await pause(3_000);
  expect(await repliesTo(asAlice, question.id)).toHaveLength(1);
  expect(await repliesTo(asAlice, fromTeam.id)).toEqual([]);
  expect(await repliesTo(asAlice, unmatched.id)).toEqual([]);

  // Someone else's 👍 solves nothing; the asker's puts the solved emoji on the question, as alice.
  await bob.client.addReaction(bob.user.id, answer?.id ?? '', '+1');
  await pause(2_000);
  expect(await reactionsOn(asAlice, question.id)).toEqual([]);
  await ann.client.addReaction(ann.user.id, answer?.id ?? '', '+1');
  await expect
    .poll(async () => (await reactionsOn(asAlice, question.id)).map((reaction) => `${reaction.user_id}:${reaction.emoji_name}`), { timeout: 30_000 })
    .toEqual([`${alice.id}:white_check_mark`]);

  // The options page lists both, each linking to the question's thread.
  const activity = desk.getByRole('table', { name: 'Desk activity' });
  await expect(activity.getByRole('row', { name: /Solved by the asker/ })).toBeVisible();
  await expect(activity.getByRole('row', { name: /Answered with rule 1/ })).toBeVisible();
  await expect(activity.getByRole('link', { name: 'Open thread' }).first()).toHaveAttribute('href', `${server.url}/_redirect/pl/${question.id}`);

  // The analytics count the automatic answer and the question its 👍 solved.
  await desk.getByRole('button', { name: 'Analyse the channel' }).click();
  const summary = desk.getByRole('table', { name: 'Summary' });
  await expect(summary.getByRole('row', { name: /^Questions/ })).toHaveText(/Questions\s*2/);
  await expect(summary.getByRole('row', { name: /^Answered automatically/ })).toHaveText(/Answered automatically\s*1/);
  await expect(summary.getByRole('row', { name: /^Solved by the asker/ })).toHaveText(/👍\s*1/);
});

test('the desk answers in each of its support channels and counts them together or one channel at a time', async ({ newBrowser, asAlice, webapp }) => {
  skipInStandInWhereRealWebappRuns(webapp);
  test.setTimeout(180_000);
  const [tess, ann] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann')]);
  const first = await helpChannel(asAlice, [tess, ann]);
  const second = await helpChannel(asAlice, [tess, ann]);
  const browser = await newBrowser();
  await enableCompanion(browser, await openMattermostAs(browser, alice, tess.user.username));
  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await switchDeskAnswersOn(desk, [first, second], [alice.username, tess.user.username]);

  const ask = (channel: { id: string }, message: string) => ann.client.createPost({ channel_id: channel.id, message } as Post);
  const inSecond = await ask(second, 'VPN down in the second channel');
  const inFirst = await ask(first, 'VPN down in the first channel');
  await ask(second, 'The printer jams');
  for (const question of [inSecond, inFirst]) {
    await expect.poll(async () => (await repliesTo(asAlice, question.id)).map((reply) => reply.props?.companion_desk), { timeout: 30_000 }).toEqual(['answer']);
  }

  // Saved and shown again: both channels, in their order.
  await options.reload();
  const reloaded = options.getByRole('region', { name: 'Support desk' });
  await expect(reloaded.getByRole('combobox', { name: 'Support channel 1', exact: true }).locator('option:checked')).toHaveText(`${first.displayName} (Companion)`);
  await expect(reloaded.getByRole('combobox', { name: 'Support channel 2', exact: true }).locator('option:checked')).toHaveText(`${second.displayName} (Companion)`);

  await auditAndCapture(options, 'options-support-desk-two-channels', { capture: false });
  const summary = reloaded.getByRole('table', { name: 'Summary' });
  const channelChoice = reloaded.getByRole('combobox', { name: 'Channel', exact: true });
  await expect(channelChoice.locator('option:checked')).toHaveText('All support channels');
  await reloaded.getByRole('button', { name: 'Analyse the channel' }).click();
  await expect(summary.getByRole('row', { name: /^Questions/ })).toHaveText(/Questions\s*3/);
  await channelChoice.selectOption({ label: `${second.displayName} (Companion)` });
  await reloaded.getByRole('button', { name: 'Analyse the channel' }).click();
  await expect(summary.getByRole('row', { name: /^Questions/ })).toHaveText(/Questions\s*2/);

  // A channel removed from the desk is no longer answered.
  await reloaded.getByRole('button', { name: 'Remove support channel 1' }).click();
  await expect(reloaded.getByRole('button', { name: 'Add a support channel' })).toBeFocused();
  await reloaded.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(reloaded.getByText('Desk settings saved.')).toBeVisible();
  const afterRemoval = await ask(first, 'VPN down again in the first channel');
  const stillAnswered = await ask(second, 'VPN down again in the second channel');
  await expect.poll(async () => (await repliesTo(asAlice, stillAnswered.id)).length, { timeout: 30_000 }).toBe(1);
  // Questions are taken as they come: the one before was decided by now.
  await pause(2_000);
  expect(await repliesTo(asAlice, afterRemoval.id)).toEqual([]);
});

/**
 * Tess (on the team with alice) and Ann (who asks) in a new help channel, and alice's browser running the desk as
 * `configure` sets it up on the options page, her tab on another conversation.
 */
async function deskRunByAlice(
  newBrowser: () => Promise<ExtensionBrowser>,
  asAlice: Client4,
  configure: (desk: Locator, channel: { displayName: string }, team: readonly string[]) => Promise<void>,
): Promise<{ ann: TeamMember; channel: { id: string; displayName: string } }> {
  const [tess, ann] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann')]);
  const channel = await helpChannel(asAlice, [tess, ann]);
  const browser = await newBrowser();
  await enableCompanion(browser, await openMattermostAs(browser, alice, tess.user.username));
  const options = await openSettingsPage(browser);
  await configure(options.getByRole('region', { name: 'Support desk' }), channel, [alice.username, tess.user.username]);
  await options.close();
  return { ann, channel };
}

/**
 * Answering is posting as the runner, which the server takes for reading the support channel when collapsed threads
 * are off: the desk then puts the marker back. With them on, the server marks only the thread read, and the test
 * shows that nothing else marks the channel read.
 */
for (const collapsedThreads of ['always_on', 'disabled'] as const) {
  test.describe(`collapsed threads ${collapsedThreads}`, () => {
    test.beforeAll(async () => {
      if (!standInLeavesItToRealWebapp(test.info().project.name)) await setCollapsedThreads(collapsedThreads);
    });
    test.afterAll(async () => {
      if (!standInLeavesItToRealWebapp(test.info().project.name)) await setCollapsedThreads('always_on');
    });

    test(`a desk answer leaves the support channel unread for the runner (collapsed threads ${collapsedThreads})`, async ({
      newBrowser,
      asAlice,
      webapp,
    }) => {
      skipInStandInWhereRealWebappRuns(webapp);
      const { ann, channel } = await deskRunByAlice(newBrowser, asAlice, switchDeskAnswersOn);

      const question = await ann.client.createPost({ channel_id: channel.id, message: 'The VPN drops every hour' } as Post);
      await expect.poll(async () => (await repliesTo(asAlice, question.id)).length, { timeout: 30_000 }).toBe(1);
      // The answer is visible once the server has marked the channel read (collapsed threads off); the desk's requests follow.
      const unread = () => requestJson<{ msg_count: number }>(asAlice, 'GET', `/users/${alice.id}/channels/${channel.id}/unread`);
      await expect.poll(async () => (await unread()).msg_count, { timeout: 15_000 }).toBeGreaterThan(0);
    });
  });
}

/**
 * Chooses the support channel and team on the options page's desk card and switches reminders on: one, after a
 * minute, at any hour of any day in UTC; the person on duty the runner, or a weekly rotation.
 */
async function switchRemindersOn(desk: Locator, channel: { displayName: string }, team: readonly string[], { weeklyRotation = [] as readonly string[] } = {}) {
  await desk.getByRole('combobox', { name: 'Support channel' }).selectOption({ label: `${channel.displayName} (Companion)` });
  await desk.getByRole('textbox', { name: 'Team members (usernames)' }).fill(team.join(', '));
  await desk.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  if (weeklyRotation.length > 0) {
    await desk.getByRole('combobox', { name: 'On duty' }).selectOption({ label: 'Rotation by week' });
    await desk.getByRole('textbox', { name: 'On-duty order (usernames)' }).fill(weeklyRotation.join(', '));
  } else {
    await expect(desk.getByRole('combobox', { name: 'On duty' })).toHaveValue('desk-runner');
  }
  await desk.getByRole('checkbox', { name: 'Remind the person on duty' }).check();
  await desk.getByRole('spinbutton', { name: 'Minutes without a reply before a reminder' }).fill('1');
  await desk.getByRole('spinbutton', { name: 'Reminders per question at most' }).fill('1');
  const days = desk.getByRole('group', { name: 'Working days' });
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) await days.getByRole('checkbox', { name: day, exact: true }).check();
  await desk.getByLabel('Reminders from').fill('00:00');
  await desk.getByLabel('Reminders until').fill('23:59');
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByText('Desk settings saved.')).toBeVisible();
}

test('a question left without the team for the reminder delay gets one reminder mentioning the person on duty, with two tabs open, and a solved one none', async ({
  newBrowser,
  asAlice,
  webapp,
}) => {
  skipInStandInWhereRealWebappRuns(webapp);
  test.setTimeout(240_000);
  const [tess, ann, bob] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann'), newTeamMember('Bob')]);
  const channel = await helpChannel(asAlice, [tess, ann, bob]);
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, ann.user.username);
  await enableCompanion(browser, tab);
  await openMattermostAs(browser, alice, bob.user.username);

  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await switchRemindersOn(desk, channel, [alice.username, tess.user.username], { weeklyRotation: [tess.user.username] });

  const post = (who: TeamMember, message: string) => who.client.createPost({ channel_id: channel.id, message } as Post);
  const open = await post(ann, 'The wiki shows an error page');
  const solved = await post(bob, 'Where is the holiday calendar?');
  await tess.client.addReaction(tess.user.id, solved.id, 'white_check_mark');

  await expect.poll(async () => (await repliesTo(asAlice, open.id)).length, { timeout: 120_000, intervals: [2_000] }).toBe(1);
  const [reminder] = await repliesTo(asAlice, open.id);
  expect(reminder?.user_id).toBe(alice.id);
  expect(reminder?.message).toBe(`@${tess.user.username}, this question has waited 1 minute without a reply from the team.`);
  expect(reminder?.props).toMatchObject({ companion_desk: 'reminder', companion_desk_reminder: '1' });
  expect(reminder?.create_at ?? 0).toBeGreaterThanOrEqual(open.create_at + 60_000);
  // Both tabs had it due at once: still one, and the solved question has none.
  await pause(8_000);
  expect(await repliesTo(asAlice, open.id)).toHaveLength(1);
  expect(await repliesTo(asAlice, solved.id)).toEqual([]);
  await expect(desk.getByRole('table', { name: 'Desk activity' }).getByRole('row', { name: `Reminded @${tess.user.username} (reminder 1)` })).toBeVisible();
});

test('a reminder to the runner on duty leaves the question’s thread unread for them (collapsed threads on)', async ({ newBrowser, asAlice, webapp }) => {
  skipInStandInWhereRealWebappRuns(webapp);
  test.setTimeout(240_000);
  await setCollapsedThreads('always_on');
  const { ann, channel } = await deskRunByAlice(newBrowser, asAlice, switchRemindersOn);

  const open = await ann.client.createPost({ channel_id: channel.id, message: 'The wiki shows an error page' } as Post);
  await expect.poll(async () => (await repliesTo(asAlice, open.id)).length, { timeout: 120_000, intervals: [2_000] }).toBe(1);
  const [reminder] = await repliesTo(asAlice, open.id);
  expect(reminder?.message).toBe(`@${alice.username}, this question has waited 1 minute without a reply from the team.`);
  // Mattermost never notifies anyone of their own post, and posting a reply marks its thread read (collapsed threads
  // on): the desk puts the thread's unread marker back on the reminder.
  const thread = () => requestJson<{ unread_replies: number }>(asAlice, 'GET', `/users/${alice.id}/teams/${server.team.id}/threads/${open.id}`);
  await expect.poll(async () => (await thread()).unread_replies, { timeout: 15_000 }).toBe(1);
});

/** Alice's direct messages to someone, oldest first. */
async function directMessagesFrom(client: Client4, fromId: string, toId: string): Promise<Post[]> {
  const channel = await requestJson<{ id: string }>(client, 'POST', '/channels/direct', [fromId, toId]);
  // Created at the same moment by the desk, the conversation may not list its members yet: nothing in it then.
  const list = await requestJson<{ posts: Record<string, Post> }>(client, 'GET', `/channels/${channel.id}/posts?per_page=200`).catch(() => ({ posts: {} as Record<string, Post> }));
  return Object.values(list.posts)
    .filter((post) => post.user_id === fromId)
    .sort((a, b) => a.create_at - b.create_at);
}

test('someone joining the support channel is welcomed once by direct message, never a team member; where a message only they see is refused, a direct message goes and the refusal is listed', async ({
  newBrowser,
  asAlice,
  webapp,
}) => {
  skipInStandInWhereRealWebappRuns(webapp);
  test.setTimeout(180_000);
  const [tess, ann, bob, cleo] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann'), newTeamMember('Bob'), newTeamMember('Cleo')]);
  const channel = await helpChannel(asAlice, []);
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, ann.user.username);
  await enableCompanion(browser, tab);

  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await desk.getByRole('combobox', { name: 'Support channel' }).selectOption({ label: `${channel.displayName} (Companion)` });
  await desk.getByRole('textbox', { name: 'Team members (usernames)' }).fill(`${alice.username}, ${tess.user.username}`);
  await desk.getByRole('checkbox', { name: 'Welcome people who join the support channel' }).check();
  const welcomeText = 'Welcome to the help channel! Ask one question per message; we answer in its thread.';
  await desk.getByRole('textbox', { name: 'Welcome message' }).fill(welcomeText);
  await desk.getByRole('combobox', { name: 'Send the welcome as' }).selectOption({ label: 'A direct message' });
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByText('Desk settings saved.')).toBeVisible();

  // Ann joins by herself, Bob is added by alice, Tess (team) joins.
  await ann.client.addToChannel(ann.user.id, channel.id);
  await asAlice.addToChannel(bob.user.id, channel.id);
  await tess.client.addToChannel(tess.user.id, channel.id);
  for (const person of [ann, bob]) {
    await expect.poll(async () => (await directMessagesFrom(asAlice, alice.id, person.user.id)).map((post) => post.message), { timeout: 30_000 }).toEqual([welcomeText]);
  }
  const [welcome] = await directMessagesFrom(asAlice, alice.id, ann.user.id);
  expect(welcome?.props).toMatchObject({ companion_desk: 'welcome', companion_desk_channel: channel.id });

  // Ann leaves and comes back: no second welcome; Tess never got one.
  await ann.client.removeFromChannel(ann.user.id, channel.id);
  await ann.client.addToChannel(ann.user.id, channel.id);
  await pause(4_000);
  expect(await directMessagesFrom(asAlice, alice.id, ann.user.id)).toHaveLength(1);
  expect(await directMessagesFrom(asAlice, alice.id, tess.user.id)).toEqual([]);
  const activity = desk.getByRole('table', { name: 'Desk activity' });
  await expect(activity.getByRole('row', { name: /Welcomed to the channel/ })).toHaveCount(2);

  // A message only the newcomer sees needs a permission alice lacks: a direct message goes instead, and the refusal is listed in plain words.
  await desk.getByRole('combobox', { name: 'Send the welcome as' }).selectOption('ephemeral');
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByText('Desk settings saved.')).toBeVisible();
  await cleo.client.addToChannel(cleo.user.id, channel.id);
  await expect(activity.getByRole('row', { name: /Welcomed by direct message: a message only they see was refused \(HTTP 403/ })).toBeVisible({ timeout: 30_000 });
  expect((await directMessagesFrom(asAlice, alice.id, cleo.user.id)).map((post) => post.message)).toEqual([welcomeText]);
});

test('the weekly report is posted once at its time with two tabs open, with the week’s figures, and one of the last 7 days on demand', async ({ newBrowser, asAlice, webapp }) => {
  skipInStandInWhereRealWebappRuns(webapp);
  test.setTimeout(240_000);
  const [tess, ann] = await Promise.all([newTeamMember('Tess'), newTeamMember('Ann')]);
  const channel = await helpChannel(asAlice, [tess, ann]);
  const reports = await helpChannel(asAlice, [tess]);
  const solvedQuestion = await ann.client.createPost({ channel_id: channel.id, message: 'VPN down #vpn' } as Post);
  await ann.client.createPost({ channel_id: channel.id, message: 'Wiki slow #wiki' } as Post);
  await tess.client.createPost({ channel_id: channel.id, message: 'Restart it', root_id: solvedQuestion.id } as Post);
  await tess.client.addReaction(tess.user.id, solvedQuestion.id, 'white_check_mark');

  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, alice, ann.user.username);
  await enableCompanion(browser, tab);
  await openMattermostAs(browser, alice, tess.user.username);
  const options = await openSettingsPage(browser);
  const desk = options.getByRole('region', { name: 'Support desk' });
  await desk.getByRole('combobox', { name: 'Support channel' }).selectOption({ label: `${channel.displayName} (Companion)` });
  await desk.getByRole('textbox', { name: 'Team members (usernames)' }).fill(`${alice.username}, ${tess.user.username}`);
  await desk.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  // Due at the start of the minute after next, by the server's clock (UTC).
  const due = new Date(Math.ceil((Date.now() + 61_000) / 60_000) * 60_000);
  await desk.getByRole('checkbox', { name: 'Post a weekly report' }).check();
  await desk.getByRole('combobox', { name: 'Report day' }).selectOption(String(due.getUTCDay()));
  await desk.getByLabel('Report time').fill(due.toISOString().slice(11, 16));
  await desk.getByRole('combobox', { name: 'Report channel' }).selectOption({ label: `${reports.displayName} (Companion)` });
  await desk.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(desk.getByText('Desk settings saved.')).toBeVisible();

  const reportsPosted = async () => {
    const list = await requestJson<{ posts: Record<string, Post> }>(asAlice, 'GET', `/channels/${reports.id}/posts?per_page=200`);
    return Object.values(list.posts).filter((post) => post.props?.companion_desk === 'report');
  };
  expect(await reportsPosted()).toEqual([]);
  await expect.poll(async () => (await reportsPosted()).length, { timeout: 150_000, intervals: [2_000] }).toBe(1);
  const [report] = await reportsPosted();
  expect(report?.user_id).toBe(alice.id);
  expect(report?.create_at ?? 0).toBeGreaterThanOrEqual(due.getTime() - 2_000);
  const weekKey = due.toISOString().slice(0, 10);
  const firstDay = new Date(due.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  expect(report?.props).toMatchObject({ companion_desk_week: weekKey });
  expect(report?.message).toContain(`#### Support desk report, ${firstDay} to ${weekKey}`);
  expect(report?.message).toContain('| Questions | 2 |');
  expect(report?.message).toContain('| Solved | 1 |');
  expect(report?.message).toContain('| Still open | 1 |');
  expect(report?.message).toContain('Most asked about: #vpn (1), #wiki (1)');
  // Both tabs had it due: still one a little later.
  await pause(8_000);
  expect(await reportsPosted()).toHaveLength(1);
  await expect(desk.getByRole('table', { name: 'Desk activity' }).getByRole('row', { name: /Posted the weekly report/ })).toBeVisible();

  // On demand, whatever the schedule.
  await desk.getByRole('button', { name: 'Post a report of the last 7 days now' }).click();
  await expect(desk.getByText('Report posted.')).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await reportsPosted()).length).toBe(2);
  const onDemand = (await reportsPosted()).find((post) => post.id !== report?.id);
  await expect(desk.getByRole('link', { name: 'Open the report' })).toHaveAttribute('href', `${server.url}/_redirect/pl/${onDemand?.id ?? ''}`);
});

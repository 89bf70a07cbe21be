import { Client4 } from '../../scripts/mattermost/mattermost-client.ts';
import type { Post } from '@mattermost/types/posts';
import { expect } from '@playwright/test';
import { server, type SeededUser } from './mattermost.ts';

/**
 * Test actors talk to the real server over REST with their own token, as
 * another person's client would: bob sending alice a message, the admin
 * changing the configuration.
 */
export async function signedInClient(account: Pick<SeededUser, 'username' | 'password'>): Promise<Client4> {
  const client = new Client4();
  client.setUrl(server.url);
  await client.login(account.username, account.password);
  return client;
}

/** A REST call Client4 has no method for, with the client's token. */
export async function requestJson<T>(client: Client4, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api/v4${path}`, {
    method,
    headers: { Authorization: `Bearer ${client.getToken()}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function unreadMessageCount(client: Client4, userId: string, channelId: string): Promise<number> {
  return (await requestJson<{ msg_count: number }>(client, 'GET', `/users/${userId}/channels/${channelId}/unread`)).msg_count;
}

export interface TeamMember {
  readonly client: Client4;
  readonly user: SeededUser;
}

let sendersCreated = 0;

/**
 * A new person on the team, so each test starts a conversation with no
 * history and no earlier auto-reply in it.
 */
export async function newTeamMember(firstName: string): Promise<TeamMember> {
  const admin = await signedInClient(server.admin);
  sendersCreated += 1;
  const username = `${firstName.toLowerCase()}-${Date.now().toString(36)}-${sendersCreated}`;
  const password = `${firstName}-Passw0rd!`;
  const created = await admin.createUser(
    { username, email: `${username}@companion.test`, password, first_name: firstName, last_name: 'Tester' } as never,
    '',
    '',
  );
  await admin.addToTeam(server.team.id, created.id);
  const user: SeededUser = { id: created.id, username, email: created.email, password, firstName, lastName: 'Tester' };
  return { client: await signedInClient(user), user };
}

export async function directChannelId(client: Client4, otherUserId: string): Promise<string> {
  const me = await client.getMe();
  return (await client.createDirectChannel([me.id, otherUserId])).id;
}

/** The channel's posts created at or after `since`, oldest first. */
export async function postsSince(client: Client4, channelId: string, since: number): Promise<Post[]> {
  const list = await client.getPostsSince(channelId, since - 1);
  return Object.values(list.posts)
    .filter((post) => post.create_at >= since && !post.delete_at)
    .sort((a, b) => a.create_at - b.create_at);
}

export const isCompanionReply = (post: Post) => post.props?.companion_auto_reply_to !== undefined;

/** Waits until the channel holds auto-replies from Companion created after `since`, and returns them. */
export async function waitForAutoReplies(client: Client4, channelId: string, since: number, count = 1, pollMs = 500, timeoutMs = 30_000): Promise<Post[]> {
  let replies: Post[] = [];
  await expect
    .poll(
      async () => {
        replies = (await postsSince(client, channelId, since)).filter(isCompanionReply);
        return replies.length;
      },
      { timeout: timeoutMs, intervals: [pollMs] },
    )
    .toBeGreaterThanOrEqual(count);
  return replies;
}

/** Gives the extension time to (wrongly) act, then returns the auto-replies that exist. */
export async function autoRepliesAfterQuietPeriod(client: Client4, channelId: string, since: number, quietMs = 4_000): Promise<Post[]> {
  await new Promise((resolve) => setTimeout(resolve, quietMs));
  return (await postsSince(client, channelId, since)).filter(isCompanionReply);
}

/** Names newTeamMember gives: `<first name>-<time in base 36>-<counter>`. */
const testMemberName = /^[a-z]+-[a-z0-9]{6,}-\d+$/;

/**
 * Deactivates the colleagues earlier runs created. The database outlives test
 * runs, and an unlicensed server refuses new accounts beyond a fixed number
 * of active users.
 */
export async function retireEarlierTestMembers(): Promise<number> {
  const admin = await signedInClient(server.admin);
  const retired: string[] = [];
  for (let page = 0; ; page += 1) {
    const users = await requestJson<Array<{ id: string; username: string }>>(admin, 'GET', `/users?active=true&per_page=200&page=${page}`);
    retired.push(...users.filter((user) => testMemberName.test(user.username)).map((user) => user.id));
    if (users.length < 200) break;
  }
  for (const id of retired) {
    const response = await fetch(`${server.url}/api/v4/users/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${admin.getToken()}` } });
    if (!response.ok) throw new Error(`could not deactivate test account ${id}: ${response.status}`);
  }
  return retired.length;
}

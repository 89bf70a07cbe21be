import type { DeskChannelChoice, DeskPerson } from '../../shared/messages.ts';
import type { MattermostApi } from '../mattermostApi.ts';

/**
 * What the desk's settings are chosen from, as the signed-in user sees it:
 * the public and private channels they belong to, and people by username or
 * by id.
 */

interface ServerChannel {
  readonly id: string;
  readonly type: string;
  readonly display_name: string;
  readonly name: string;
  readonly team_id: string;
  readonly delete_at: number;
}

interface ServerUser {
  readonly id: string;
  readonly username: string;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly is_bot?: boolean;
}

export async function listDeskChannelChoices(api: MattermostApi): Promise<DeskChannelChoice[]> {
  const [channels, teams] = await Promise.all([
    api.request<ServerChannel[]>('GET', `${api.client.getUserRoute('me')}/channels`),
    api.request<Array<{ id: string; display_name: string }>>('GET', `${api.client.getUserRoute('me')}/teams`),
  ]);
  const teamNames = new Map(teams.map((team) => [team.id, team.display_name]));
  return channels
    .filter((channel) => (channel.type === 'O' || channel.type === 'P') && channel.delete_at === 0)
    .map((channel) => ({ id: channel.id, displayName: channel.display_name || channel.name, teamName: teamNames.get(channel.team_id) ?? '' }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName) || a.displayName.localeCompare(b.displayName));
}

function personOf(user: ServerUser): DeskPerson {
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return { id: user.id, username: user.username, fullName };
}

/** People by username; usernames nobody has are missing from the answer. */
export async function lookUpUsernames(api: MattermostApi, usernames: readonly string[]): Promise<DeskPerson[]> {
  if (usernames.length === 0) return [];
  const users = await api.request<ServerUser[]>('POST', `${api.client.getBaseRoute()}/users/usernames`, usernames.map((name) => name.replace(/^@/, '').toLowerCase()));
  return users.map(personOf);
}

/** People by id; ids nobody has are missing from the answer. */
export async function lookUpUserIds(api: MattermostApi, userIds: readonly string[]): Promise<DeskPerson[]> {
  if (userIds.length === 0) return [];
  const users = await api.request<ServerUser[]>('POST', `${api.client.getBaseRoute()}/users/ids`, userIds);
  return users.map(personOf);
}

import { readableError } from '../../shared/readableError.ts';
import type { DeskGroup } from '../../shared/messages.ts';
import { MattermostApiError, type MattermostApi } from '../mattermostApi.ts';

/**
 * A Mattermost group as the desk's team: found by its name (as mentioned,
 * `@support-team`) and its members read when the desk needs them, so someone
 * who joins or leaves the group counts from then on. Mattermost serves
 * groups only on a licensed server; an unlicensed one answers 501
 * `api.license_error`, which is said in plain words.
 */

interface ServerGroup {
  readonly id: string;
  readonly name?: string;
  readonly display_name: string;
  readonly delete_at: number;
}

const membersPerPage = 200;
/** Ten thousand members at most: a team larger than that is not a desk's team. */
const mostMemberPages = 50;

function groupOf(group: ServerGroup): DeskGroup {
  return { id: group.id, name: group.name ?? '', displayName: group.display_name };
}

/** What the server answers when its licence lacks groups: none at all, custom groups, or synchronised ones. */
const licenceRefusals: ReadonlySet<string> = new Set(['api.license_error', 'api.custom_groups.license_error', 'api.ldap_groups.license_error']);

/** The server's refusal of groups, in words that say what to do instead; any other error as it is. */
export function inPlainWords(error: unknown): unknown {
  if (error instanceof MattermostApiError && licenceRefusals.has(error.serverErrorId)) return readableError('deskGroupsNeedLicence', error);
  return error;
}

async function asking<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw inPlainWords(error);
  }
}

/**
 * The group of that name, if the server has one the user may see and it was
 * not deleted, with its members: read now, so a group the desk could not use
 * (its members refused) is refused before it is saved.
 */
export async function findGroupByName(api: MattermostApi, name: string): Promise<DeskGroup | undefined> {
  const wanted = name.trim().replace(/^@/, '').toLowerCase();
  const groups = await asking(api.request<ServerGroup[]>('POST', `${api.client.getBaseRoute()}/groups/names`, [wanted]));
  const group = groups.find((found) => found.name?.toLowerCase() === wanted && found.delete_at === 0);
  if (!group) return undefined;
  const memberIds = await asking(readGroupMemberIds(api, group.id));
  return { ...groupOf(group), memberIds };
}

/** The group of that id, to show its name; undefined once it is gone (the server keeps a deleted group, marked deleted). */
export async function findGroupById(api: MattermostApi, groupId: string): Promise<DeskGroup | undefined> {
  try {
    const group = await asking(api.request<ServerGroup>('GET', `${api.client.getBaseRoute()}/groups/${groupId}`));
    return group.delete_at === 0 ? groupOf(group) : undefined;
  } catch (error) {
    if (error instanceof MattermostApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** The ids of the group's members, page by page; a refusal as the server gave it (see `inPlainWords`). */
export async function readGroupMemberIds(api: MattermostApi, groupId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; page < mostMemberPages; page += 1) {
    const { members, total_member_count: count } = await api.request<{ members: Array<{ id: string }> | null; total_member_count: number }>(
      'GET',
      `${api.client.getBaseRoute()}/groups/${groupId}/members?page=${page}&per_page=${membersPerPage}`,
    );
    ids.push(...(members ?? []).map((member) => member.id));
    if ((members ?? []).length < membersPerPage || ids.length >= count) break;
  }
  return ids;
}

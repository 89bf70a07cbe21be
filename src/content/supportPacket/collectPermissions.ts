import type { Collected } from '../../shared/supportPacket/collectedData.ts';
import { textAt, type JsonObject } from '../../shared/supportPacket/jsonValues.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { collect } from './collectSource.ts';

/** The built-in roles (model/role.go), which every server has. */
const builtInRoleNames = [
  'system_guest',
  'system_user',
  'system_admin',
  'system_post_all',
  'system_post_all_public',
  'system_user_access_token',
  'system_user_manager',
  'system_read_only_admin',
  'system_manager',
  'system_custom_group_admin',
  'team_guest',
  'team_user',
  'team_admin',
  'team_post_all',
  'team_post_all_public',
  'channel_guest',
  'channel_user',
  'channel_admin',
  'custom_group_user',
  'playbook_admin',
  'playbook_member',
  'run_admin',
  'run_member',
];
/** GetRolesByNamesMax in the server's API. */
const rolesPerRequest = 100;
/** The native packet's page size for schemes. */
const schemesPerPage = 100;

export interface CollectedPermissions {
  readonly roles: Collected<JsonObject[]>;
  readonly schemes: Collected<JsonObject[]>;
  /** Set when the roles were read by name, which misses roles neither built in nor named by a scheme. */
  readonly rolesByName: boolean;
}

/**
 * Every scheme, page by page as natively, and every role. `GET /roles` needs
 * `manage_system`; a read-only admin gets the same roles by name from
 * `POST /roles/names` (any session may): the built-in ones and those the
 * schemes name.
 */
export async function collectPermissions(api: MattermostApi, apiRoot: string, signal: AbortSignal): Promise<CollectedPermissions> {
  const schemes = await collectSchemes(api, apiRoot, signal);
  const allRoles = await collect('/api/v4/roles', () => api.request<JsonObject[]>('GET', `${apiRoot}/roles`, undefined, { signal }));
  if (allRoles.ok || allRoles.status !== 403) return { roles: allRoles, schemes, rolesByName: false };

  const names = [...new Set([...builtInRoleNames, ...(schemes.ok ? schemes.value.flatMap(schemeRoleNames) : [])])];
  const roles: JsonObject[] = [];
  for (let start = 0; start < names.length; start += rolesPerRequest) {
    const batch = await collect('/api/v4/roles/names', () =>
      api.request<JsonObject[]>('POST', `${apiRoot}/roles/names`, names.slice(start, start + rolesPerRequest), { signal }),
    );
    if (!batch.ok) return { roles: batch, schemes, rolesByName: true };
    roles.push(...batch.value);
  }
  return { roles: { ok: true, value: roles }, schemes, rolesByName: true };
}

async function collectSchemes(api: MattermostApi, apiRoot: string, signal: AbortSignal): Promise<Collected<JsonObject[]>> {
  const schemes: JsonObject[] = [];
  for (let page = 0; ; page += 1) {
    const batch = await collect('/api/v4/schemes', () =>
      api.request<JsonObject[]>('GET', `${apiRoot}/schemes?page=${page}&per_page=${schemesPerPage}`, undefined, { signal }),
    );
    if (!batch.ok) return batch;
    schemes.push(...batch.value);
    if (batch.value.length < schemesPerPage) return { ok: true, value: schemes };
  }
}

function schemeRoleNames(scheme: JsonObject): string[] {
  return Object.keys(scheme).flatMap((field) => {
    const name = field.startsWith('default_') && field.endsWith('_role') ? textAt(scheme, field) : undefined;
    return name ? [name] : [];
  });
}

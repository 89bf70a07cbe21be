import type { MattermostApi } from '../mattermostApi.ts';

/**
 * Whether the signed-in user may open the System Console at all: roles from
 * `/users/me`, their permissions from `/roles/names`. Asked before any
 * console endpoint, so a regular user sees an explanation, not a run of 403s.
 */
export interface ConsoleAccess {
  readonly allowed: boolean;
  readonly roles: readonly string[];
  /** Everything the roles grant under `sysconsole_read_*`. */
  readonly consoleReadPermissions: readonly string[];
  /** `manage_system`: the native support packet's requirement, for the popup to mention. */
  readonly managesSystem: boolean;
}

export function consoleAccessFrom(roles: readonly string[], permissions: readonly string[]): ConsoleAccess {
  const consoleReadPermissions = [...new Set(permissions.filter((permission) => permission.startsWith('sysconsole_read_')))].sort();
  return {
    allowed: consoleReadPermissions.length > 0,
    roles,
    consoleReadPermissions,
    managesSystem: permissions.includes('manage_system'),
  };
}

export async function fetchConsoleAccess(api: MattermostApi): Promise<ConsoleAccess> {
  const me = await api.request<{ roles: string }>('GET', api.client.getUserRoute('me'));
  const roles = me.roles.split(/\s+/).filter(Boolean);
  const granted = await api.request<Array<{ permissions: string[] }>>('POST', `${api.client.getRolesRoute()}/names`, roles);
  return consoleAccessFrom(roles, granted.flatMap((role) => role.permissions));
}

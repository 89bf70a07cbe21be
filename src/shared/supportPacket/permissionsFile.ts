import type { Drafted } from './drafted.ts';
import { numberAt, textAt, type JsonObject } from './jsonValues.ts';
import { formatMillis } from './nativeEncoding.ts';
import { fakeSetting } from './secretMasking.ts';

/**
 * permissions.yaml, the native model.SupportPacketPermissionInfo. Like the
 * native file, it masks the names and descriptions people gave their roles
 * and schemes (they can name customers or projects): support needs the
 * permissions, not the labels.
 */
const roleFields = ['id', 'name', 'display_name', 'description', 'create_at', 'update_at', 'delete_at', 'permissions', 'scheme_managed', 'built_in'];
const schemeFields = [
  'id',
  'name',
  'display_name',
  'description',
  'create_at',
  'update_at',
  'delete_at',
  'scope',
  'default_team_admin_role',
  'default_team_user_role',
  'default_channel_admin_role',
  'default_channel_user_role',
  'default_team_guest_role',
  'default_channel_guest_role',
  'default_playbook_admin_role',
  'default_playbook_member_role',
  'default_run_admin_role',
  'default_run_member_role',
];
const timeFields = new Set(['create_at', 'update_at', 'delete_at']);
const flagFields = new Set(['scheme_managed', 'built_in']);

/** Roles or schemes that could not be read are an empty list, as natively when the server fails to list them. */
export function permissionsFile(
  roles: readonly JsonObject[] | undefined,
  schemes: readonly JsonObject[] | undefined,
  rolesReadByName: boolean,
): Drafted<Record<string, unknown>> {
  const value = {
    roles: (roles ?? []).map((role) => nativeRecord(role, roleFields, new Set(['display_name', 'description']))),
    schemes: (schemes ?? []).map((scheme) => nativeRecord(scheme, schemeFields, new Set(['name', 'display_name', 'description']))),
  };
  const leftOut = rolesReadByName
    ? ['permissions.yaml: roles are the built-in ones and those the schemes name (read by name, since listing every role needs manage_system)']
    : [];
  return { value, leftOut };
}

/** The record's fields in the native order, every one of them, times in RFC 3339 as the native YAML writes them. */
function nativeRecord(record: JsonObject, fields: readonly string[], masked: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, nativeField(record, field, masked)]));
}

function nativeField(record: JsonObject, field: string, masked: ReadonlySet<string>): unknown {
  if (masked.has(field)) return fakeSetting;
  if (timeFields.has(field)) return formatMillis(numberAt(record, field) ?? 0);
  if (flagFields.has(field)) return record[field] === true;
  if (field === 'permissions') return Array.isArray(record[field]) ? record[field] : [];
  return textAt(record, field) ?? '';
}

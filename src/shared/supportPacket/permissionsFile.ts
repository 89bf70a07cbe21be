import type { Drafted } from './drafted.ts';
import { numberAt, type JsonObject } from './jsonValues.ts';
import { formatMillis } from './nativeEncoding.ts';
import { maskedValue } from './secretMasking.ts';

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
/** The collector reads one page of schemes with per_page=200. */
const schemesPageSize = 200;

/** Roles or schemes that could not be read stay out of the file rather than appear as an empty list. */
export function permissionsFile(
  roles: readonly JsonObject[] | undefined,
  schemes: readonly JsonObject[] | undefined,
): Drafted<Record<string, unknown>> {
  const value = {
    roles: roles?.map((role) => nativeRecord(role, roleFields, new Set(['display_name', 'description']))),
    schemes: schemes?.map((scheme) => nativeRecord(scheme, schemeFields, new Set(['name', 'display_name', 'description']))),
  };
  const leftOut = schemes && schemes.length >= schemesPageSize ? [`permissions.yaml: only the first ${schemesPageSize} schemes were read`] : [];
  return { value, leftOut };
}

/** The record's fields in the native order, times in RFC 3339 as the native YAML writes them. */
function nativeRecord(record: JsonObject, fields: readonly string[], masked: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(
    fields
      .filter((field) => field in record)
      .map((field) => {
        const millis = timeFields.has(field) ? numberAt(record, field) : undefined;
        return [field, masked.has(field) ? maskedValue : millis !== undefined ? formatMillis(millis) : record[field]];
      }),
  );
}

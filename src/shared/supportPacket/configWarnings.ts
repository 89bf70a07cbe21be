import { isRecord, objectAt, type JsonObject } from './jsonValues.ts';

/**
 * warning.txt lines that the configuration itself gives: what the user's
 * role hides from it, and the log files a native packet adds that REST
 * cannot read.
 */

/**
 * `GET /api/v4/config` answers a role without write access to a setting
 * (a `system_read_only_admin`, say, for about 126 settings) with null in
 * its place: the packet says how many, and where.
 */
export function hiddenSettingsWarning(config: JsonObject): string[] {
  const hidden = nullSettings(config, '');
  if (hidden.length === 0) return [];
  const sections = [...new Set(hidden.map((path) => path.split('.')[0]))].join(', ');
  return [`sanitized_config.json: ${hidden.length} settings are hidden from your role and written as null (in ${sections})`];
}

function nullSettings(node: JsonObject, prefix: string): string[] {
  return Object.entries(node).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    if (value === null) return [path];
    return isRecord(value) ? nullSettings(value, path) : [];
  });
}

/**
 * The native packet adds the file targets of the advanced logging
 * configurations (`LogSettings` and `ExperimentalAuditSettings`) by their
 * file name; no REST call reads them.
 */
export function advancedLogFilesWarning(config: JsonObject): string[] {
  const fileNames = ['LogSettings', 'ExperimentalAuditSettings'].flatMap((section) => fileTargets(objectAt(config, section)?.AdvancedLoggingJSON));
  if (fileNames.length === 0) return [];
  return [`${fileNames.join(', ')}: advanced logging files are only in a native packet: not available over the REST API`];
}

function fileTargets(targets: unknown): string[] {
  if (!isRecord(targets)) return [];
  return Object.values(targets).flatMap((target) => {
    const options = fieldOf(target, 'options');
    if (fieldOf(target, 'type') !== 'file') return [];
    const fileName = fieldOf(options, 'filename');
    return typeof fileName === 'string' && fileName !== '' ? [fileName.split('/').pop() ?? fileName] : [];
  });
}

/** A field by its name in any case, as Go's JSON decoder matches it. */
function fieldOf(node: unknown, name: string): unknown {
  if (!isRecord(node)) return undefined;
  return Object.entries(node).find(([key]) => key.toLowerCase() === name)?.[1];
}

import { isRecord, type JsonObject } from './jsonValues.ts';

/**
 * Masks the secrets of a server configuration exactly as the server's own
 * `Config.Sanitize` does (same settings, same mask, plugin settings by their
 * manifest's `secret` flag, every other value and type kept), plus the few
 * secrets the server leaves in (`companionMaskedSettings`). `GET
 * /api/v4/config` has already been sanitized by the server; masking again
 * gives the native mask even where a server sent something else, and covers
 * the leaks.
 */

/** model.FakeSetting: tools compare masked values with it, and a configuration loaded back keeps the old secret when it sees it. */
export const fakeSetting = '*'.repeat(32);

/** When Config.Sanitize replaces a setting: always, or only when it holds something. */
type MaskRule = 'always' | 'when-set';

/** The settings Config.Sanitize masks, with its rule for each (server/public/model/config.go). */
const serverMaskedSettings: ReadonlyArray<readonly [path: string, rule: MaskRule]> = [
  ['LdapSettings.BindPassword', 'when-set'],
  ['FileSettings.PublicLinkSalt', 'always'],
  ['FileSettings.AmazonS3SecretAccessKey', 'when-set'],
  ['EmailSettings.SMTPPassword', 'when-set'],
  ['GitLabSettings.Secret', 'when-set'],
  ['GoogleSettings.Secret', 'when-set'],
  ['Office365Settings.Secret', 'when-set'],
  ['OpenIdSettings.Secret', 'when-set'],
  ['SqlSettings.DataSource', 'always'],
  ['SqlSettings.AtRestEncryptKey', 'always'],
  ['ElasticsearchSettings.Password', 'always'],
  ['SqlSettings.DataSourceReplicas[]', 'always'],
  ['SqlSettings.DataSourceSearchReplicas[]', 'always'],
  ['SqlSettings.ReplicaLagSettings[].DataSource', 'always'],
  ['MessageExportSettings.GlobalRelaySettings.SMTPPassword', 'when-set'],
  ['ServiceSettings.SplitKey', 'always'],
  ['CacheSettings.RedisPassword', 'always'],
];

/**
 * Secrets the server does not mask, which we do: the image proxy's signing
 * key and the LibreTranslate API key. Passwords inside URLs and inside the
 * advanced logging targets are masked wherever they are (see `maskLeaks`).
 */
export const companionMaskedSettings: ReadonlyArray<readonly [path: string, rule: MaskRule]> = [
  ['ImageProxySettings.RemoteImageProxyOptions', 'when-set'],
  ['AutoTranslationSettings.LibreTranslate.APIKey', 'when-set'],
];

/** Settings holding advanced logging targets, whose options may carry a password. */
const advancedLoggingSettings = ['LogSettings.AdvancedLoggingJSON', 'ExperimentalAuditSettings.AdvancedLoggingJSON', 'NotificationLogSettings.AdvancedLoggingJSON'];
const secretOptionName = /password|secret|token/i;

/** What a plugin manifest (GET /api/v4/plugins) says about its settings. */
export interface PluginManifest extends JsonObject {
  readonly id?: unknown;
  readonly settings_schema?: unknown;
}

export interface MaskedConfig {
  readonly config: Record<string, unknown>;
  readonly leftOut: readonly string[];
}

/**
 * A deep copy of the configuration with its secrets masked. Without the
 * plugin manifests (the plugin list could not be read) every plugin setting
 * holding text is masked, since which are secret is unknown.
 */
export function maskSecrets(config: JsonObject, manifests: readonly PluginManifest[] | undefined): MaskedConfig {
  const masked = structuredClone(config) as Record<string, unknown>;
  for (const [path, rule] of [...serverMaskedSettings, ...companionMaskedSettings]) maskPath(masked, path.split('.'), rule);
  for (const path of advancedLoggingSettings) maskLoggingTargets(valueAt(masked, path.split('.')));
  maskUrlPasswords(masked);
  const leftOut = maskPluginSettings(masked, manifests);
  return { config: masked, leftOut };
}

function maskPath(node: unknown, path: readonly string[], rule: MaskRule): void {
  const [head, ...rest] = path;
  if (head === undefined || !isRecord(node)) return;
  const isList = head.endsWith('[]');
  const name = isList ? head.slice(0, -2) : head;
  if (!(name in node)) return;
  const child = node[name];
  if (isList) {
    if (!Array.isArray(child)) return;
    if (rest.length === 0) node[name] = child.map((item) => maskedText(item, rule));
    else for (const item of child) maskPath(item, rest, rule);
    return;
  }
  if (rest.length === 0) node[name] = maskedText(child, rule);
  else maskPath(child, rest, rule);
}

/** A nil pointer stays nil in Config.Sanitize, as null stays null here (a read-only admin gets nulls). */
function maskedText(value: unknown, rule: MaskRule): unknown {
  if (value === null || value === undefined) return value;
  if (rule === 'when-set' && value === '') return value;
  return fakeSetting;
}

function valueAt(node: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((current, name) => (isRecord(current) ? current[name] : undefined), node);
}

/** Target options such as a TCP or syslog target's `Password`, at any depth. */
function maskLoggingTargets(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(maskLoggingTargets);
    return;
  }
  if (!isRecord(node)) return;
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === 'string' && value !== '' && secretOptionName.test(name)) node[name] = fakeSetting;
    else maskLoggingTargets(value);
  }
}

const urlWithPassword = /^([a-z][a-z0-9+.-]*:\/\/[^/@\s:]*):[^/@\s]+@/i;

/** `https://user:password@host` anywhere in the configuration: the user stays, the password goes. */
function maskUrlPasswords(node: unknown): void {
  if (!isRecord(node) && !Array.isArray(node)) return;
  const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
  for (const [key, value] of entries) {
    if (typeof value === 'string' && urlWithPassword.test(value)) (node as Record<string | number, unknown>)[key] = value.replace(urlWithPassword, `$1:${fakeSetting}@`);
    else maskUrlPasswords(value);
  }
}

/**
 * PluginSettings.Sanitize: a setting is masked when the plugin's manifest
 * declares it secret (keys compared without case), and the settings of
 * plugins that are not installed are dropped.
 */
function maskPluginSettings(config: Record<string, unknown>, manifests: readonly PluginManifest[] | undefined): string[] {
  const plugins = valueAt(config, ['PluginSettings', 'Plugins']);
  if (!isRecord(plugins)) return [];
  if (!manifests) {
    for (const settings of Object.values(plugins)) if (isRecord(settings)) maskTextValues(settings);
    return ['sanitized_config.json: every text setting of every plugin is masked, since the plugin list (which says which are secret) could not be read'];
  }
  const byId = new Map(manifests.flatMap((manifest) => (typeof manifest.id === 'string' ? [[manifest.id, manifest] as const] : [])));
  const installed = Object.entries(plugins).filter(([id, settings]) => byId.has(id) || !isRecord(settings) || Object.keys(settings).length === 0);
  for (const [id, settings] of installed) {
    const manifest = byId.get(id);
    if (!manifest || !isRecord(settings)) continue;
    const secretKeys = secretSettingKeys(manifest);
    for (const key of Object.keys(settings)) if (secretKeys.has(key.toLowerCase())) settings[key] = fakeSetting;
  }
  (config.PluginSettings as Record<string, unknown>).Plugins = Object.fromEntries(installed);
  return [];
}

function secretSettingKeys(manifest: PluginManifest): Set<string> {
  const schema = manifest.settings_schema;
  const settings = isRecord(schema) && Array.isArray(schema.settings) ? schema.settings : [];
  return new Set(settings.flatMap((setting) => (isRecord(setting) && setting.secret === true && typeof setting.key === 'string' ? [setting.key.toLowerCase()] : [])));
}

function maskTextValues(node: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === 'string' && value !== '') node[name] = fakeSetting;
    else if (isRecord(value)) maskTextValues(value);
  }
}

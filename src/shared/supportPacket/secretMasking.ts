import { isRecord } from './jsonValues.ts';

/**
 * Masks secrets in a server configuration before it goes into the packet.
 * `GET /api/v4/config` is already sanitized, but only for the settings the
 * server knows about; this masks again by the shape of the setting's name,
 * whatever the server sent, so that a new or forgotten secret setting does
 * not leave the browser.
 */

/** The server's own mask (model.FakeSetting), so masked values look the same as in a native packet. */
export const maskedValue = '********';

/** Name fragments that mean a secret however they are written (`APIKey`, `apikey`, `api_key`). */
const secretFragments = ['password', 'passwd', 'secret', 'credential', 'datasource', 'connectionstring', 'privatekey', 'apikey', 'accesskey'];

/** Short words that mean a secret only as a whole word: `SplitKey` is one, `KeyboardLayout` is not. */
const secretWords = new Set(['key', 'keys', 'token', 'tokens', 'salt', 'dsn', 'webhook', 'webhooks']);

/**
 * Settings whose name ends with one of these hold no secret although the name
 * has a secret word: `TLSKeyFile`, `PrivateKeyFile` and `SignaturePublicKeyFiles`
 * are paths to files on the server, `TokenEndpoint` is an OAuth provider's
 * public URL. Support needs them to diagnose TLS and SSO problems.
 */
const publicSuffixWords = new Set(['file', 'files', 'endpoint']);

/** Secrets whose name does not say so: the image proxy options carry its signing key. */
const secretSettingNames = new Set(['RemoteImageProxyOptions']);

/**
 * Whether a setting's value is secret by its name. Certificates are not: they
 * are public by nature, and their private keys are caught by "key". Booleans
 * and numbers are never treated as secrets (`EnableUserAccessTokens`,
 * `PasswordSettings.MinimumLength`), whatever the name: see `maskSecrets`.
 */
export function isSecretSettingName(name: string): boolean {
  const words = (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((word) => word.toLowerCase());
  if (publicSuffixWords.has(words.at(-1) ?? '')) return false;
  if (secretSettingNames.has(name)) return true;
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return secretFragments.some((fragment) => compact.includes(fragment)) || words.some((word) => secretWords.has(word));
}

/**
 * A deep copy of the configuration with every secret replaced by the mask:
 * - string values of settings whose name looks secret, and every string inside
 *   such a setting (array elements such as `SqlSettings.DataSourceReplicas`,
 *   nested objects); empty strings stay empty, as they only tell that the
 *   setting is unset;
 * - every value of every plugin's settings (`PluginSettings.Plugins.<id>`),
 *   since plugins keep secrets under names the server cannot judge;
 * - the password in any URL with credentials (`https://user:pass@host`);
 * - secrets inside settings that hold JSON as text (older servers'
 *   `AdvancedLoggingConfig`).
 */
export function maskSecrets(config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return maskNode(config, [], false) as Record<string, unknown>;
}

function maskNode(value: unknown, path: readonly string[], insideSecret: boolean): unknown {
  if (path.length > 2 && path[0] === 'PluginSettings' && path[1] === 'Plugins') return maskEverything(value);
  if (Array.isArray(value)) return value.map((item) => maskNode(item, path, insideSecret));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, child]) => [name, maskNode(child, [...path, name], insideSecret || isSecretSettingName(name))]),
    );
  }
  if (typeof value === 'string') return maskText(value, insideSecret);
  return value;
}

function maskText(text: string, secret: boolean): string {
  if (secret) return text === '' ? text : maskedValue;
  const json = parseJsonObject(text);
  if (json) return JSON.stringify(maskNode(json, [], false));
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@\s:]*):[^/@\s]*@/i, `$1:${maskedValue}@`);
}

function maskEverything(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(maskEverything);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, maskEverything(child)]));
  return maskedValue;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Credentials a server log at DEBUG holds, which a support packet must not
 * carry whether or not personal data is redacted: the native packet keeps
 * them. Each is replaced by `[scrubbed]`, the name around it kept so support
 * still sees which request it was:
 * - incoming webhook and slash command webhook ids in paths (`/hooks/<id>`,
 *   `/hooks/commands/<id>`): the id alone lets anyone post;
 * - credentials in query strings (`token`, `access_token`, `refresh_token`,
 *   `id_token`, `client_secret`, `secret`, `password`, `code`, `h` (public
 *   file link hash), `sig`, `signature`, `api_key`, `apikey`, `key`, and
 *   S3 pre-signed `X-Amz-Signature` / `X-Amz-Credential` / `X-Amz-Security-Token`);
 * - `Authorization`-like values: `Authorization`, `Proxy-Authorization`,
 *   `X-Auth-Token`, `X-API-Key`, `Cookie`, `Set-Cookie` and `MMAUTHTOKEN`, as
 *   headers or JSON fields, and any `Bearer`/`Basic`/`Token` credential (a
 *   word of eight or more characters with a digit);
 * - JSON fields named `token`, `access_token`, `refresh_token`, `password`,
 *   `secret`, `client_secret` or `api_key`.
 */
export const scrubbed = '[scrubbed]';

interface ScrubRule {
  /** Lower-case text the line must contain for the rule to apply: a cheap test before the pattern. */
  readonly hint: string;
  readonly pattern: RegExp;
  readonly replacement: string;
}

const rules: readonly ScrubRule[] = [
  { hint: '/hooks/', pattern: /(\/hooks\/(?:commands\/)?)[A-Za-z0-9]+/g, replacement: `$1${scrubbed}` },
  {
    hint: '=',
    pattern:
      /([?&;](?:token|access_token|refresh_token|id_token|client_secret|secret|password|code|h|sig|signature|api_key|apikey|key|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&\s"'#\\]+/gi,
    replacement: `$1${scrubbed}`,
  },
  {
    hint: '',
    pattern: /((?:proxy-)?authorization|x-auth-token|x-api-key|set-cookie|cookie|mmauthtoken)(\\?["']?\s*[:=]\s*\\?["']?)[^"'\\\n]*?(?=\\?["']|$)/gi,
    replacement: `$1$2${scrubbed}`,
  },
  { hint: '', pattern: /\b(bearer|basic|token)\s+(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, replacement: `$1 ${scrubbed}` },
  {
    hint: '"',
    pattern: /(\\?"(?:token|access_token|refresh_token|password|secret|client_secret|api_key)\\?"\s*:\s*\\?")(?:[^"\\]|\\(?!"))+/gi,
    replacement: `$1${scrubbed}`,
  },
];

/** Cheap tests for the rules without a literal hint: one of these words must be in the line. */
const headerWords = /authorization|auth-token|api-key|cookie|mmauthtoken|bearer|basic|token/i;

export function scrubCredentials(line: string): string {
  let result = line;
  const mayHaveHeaders = headerWords.test(line);
  for (const rule of rules) {
    if (rule.hint === '' ? !mayHaveHeaders : !result.includes(rule.hint)) continue;
    result = result.replace(rule.pattern, rule.replacement);
  }
  return result;
}

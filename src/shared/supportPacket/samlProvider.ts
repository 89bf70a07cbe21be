/**
 * The identity provider behind a SAML IdP descriptor URL, named as the native
 * diagnostics.yaml names it (`saml.provider_type`), "unknown" otherwise.
 */
const providers: ReadonlyArray<readonly [name: string, urlParts: readonly string[]]> = [
  ['Azure AD', ['login.microsoftonline.com', 'sts.windows.net']],
  ['Okta', ['.okta.com', '.oktapreview.com']],
  ['Auth0', ['.auth0.com']],
  ['OneLogin', ['.onelogin.com']],
  ['Google Workspace', ['accounts.google.com']],
  ['JumpCloud', ['sso.jumpcloud.com']],
  ['Duo', ['duo.com/saml2']],
  ['Centrify', ['.centrify.com']],
  ['Keycloak', ['/realms/']],
  // The native check also looks for "/FederationMetadata/" in the lower-cased URL, which can never match; left out to give the same answer.
  ['ADFS', ['/adfs/']],
  ['Shibboleth', ['shibboleth.net', '/idp/shibboleth']],
];

export function samlProviderType(idpDescriptorUrl: string): string {
  const url = idpDescriptorUrl.toLowerCase();
  return providers.find(([, urlParts]) => urlParts.some((part) => url.includes(part)))?.[0] ?? 'unknown';
}

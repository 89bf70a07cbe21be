import { describe, expect, it } from 'vitest';
import { scrubCredentials } from './credentialScrubbing.ts';

const webhookId = 'k8e3w1qz5pbg7ydm4x9n2cjhar';

describe('credential scrubbing', () => {
  it('removes an incoming webhook id from a request path', () => {
    const line = `{"level":"debug","msg":"Received HTTP request","method":"POST","url":"/hooks/${webhookId}","request_id":"abc"}`;
    expect(scrubCredentials(line)).toBe('{"level":"debug","msg":"Received HTTP request","method":"POST","url":"/hooks/[scrubbed]","request_id":"abc"}');
  });

  it('removes a slash command webhook id too', () => {
    expect(scrubCredentials(`POST /hooks/commands/${webhookId} 200`)).toBe('POST /hooks/commands/[scrubbed] 200');
  });

  it('removes tokens from query strings and keeps the other parameters', () => {
    expect(scrubCredentials('url=/api/v4/files/abc/public?h=Xyz123secret&download=1')).toBe('url=/api/v4/files/abc/public?h=[scrubbed]&download=1');
    expect(scrubCredentials('"url":"/oauth/gitlab/complete?code=4f2a9c&state=xyz"')).toBe('"url":"/oauth/gitlab/complete?code=[scrubbed]&state=xyz"');
    expect(scrubCredentials('GET /plugins/jira/webhook?team=acme&secret=s3cr3t&token=abc.def')).toBe('GET /plugins/jira/webhook?team=acme&secret=[scrubbed]&token=[scrubbed]');
    expect(scrubCredentials('https://s3/bucket/f?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=deadbeef')).toBe(
      'https://s3/bucket/f?X-Amz-Credential=[scrubbed]&X-Amz-Signature=[scrubbed]',
    );
  });

  it('removes Authorization-like values as headers and as JSON fields', () => {
    expect(scrubCredentials('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: [scrubbed]');
    expect(scrubCredentials('{"authorization":"Token 1234567890abcdef","path":"/api/v4/users/me"}')).toBe('{"authorization":"[scrubbed]","path":"/api/v4/users/me"}');
    expect(scrubCredentials('cookie: MMAUTHTOKEN=abc123def456; MMUSERID=u1')).toBe('cookie: [scrubbed]');
    expect(scrubCredentials('{"msg":"headers map[X-Api-Key:[k-123]]"}')).toBe('{"msg":"headers map[X-Api-Key:[scrubbed]"}');
  });

  it('removes a bearer token wherever it stands', () => {
    expect(scrubCredentials('calling upstream with bearer eyJhbGciOiJIUzI1NiJ9.payload.sig')).toBe('calling upstream with bearer [scrubbed]');
  });

  it('removes secret JSON fields, even inside an escaped JSON message', () => {
    expect(scrubCredentials('{"token":"9x8y7z6w","user_id":"u1"}')).toBe('{"token":"[scrubbed]","user_id":"u1"}');
    expect(scrubCredentials('{"msg":"body {\\"password\\":\\"hunter22\\"}"}')).toBe('{"msg":"body {\\"password\\":\\"[scrubbed]\\"}"}');
  });

  it('leaves lines without credentials as they are', () => {
    expect(scrubCredentials('token validation failed')).toBe('token validation failed');
    const line = '{"timestamp":"2026-01-13 16:30:00.000 Z","level":"info","msg":"Token cache warmed","url":"/api/v4/users/tokens?page=0"}';
    expect(scrubCredentials(line)).toBe(line);
  });
});

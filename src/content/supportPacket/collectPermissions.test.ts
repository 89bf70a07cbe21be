import { describe, expect, it } from 'vitest';
import { collectPermissions } from './collectPermissions.ts';
import { apiRoot, fakeMattermostApi, refused } from './fakeMattermostApi.ts';

const signal = new AbortController().signal;
const scheme = (index: number) => ({ id: `s${index}`, name: `scheme-${index}`, default_team_admin_role: `team_admin_of_${index}`, default_run_member_role: '' });
const rolesNamed = (names: unknown) => (names as string[]).map((name) => ({ name }));

describe('collecting roles and schemes', () => {
  it('lists every role with GET /roles for a system admin', async () => {
    const api = fakeMattermostApi({ 'GET /schemes?page=0&per_page=100': [scheme(1)], 'GET /roles': [{ name: 'system_admin' }] });
    expect(await collectPermissions(api, apiRoot, signal)).toEqual({
      roles: { ok: true, value: [{ name: 'system_admin' }] },
      schemes: { ok: true, value: [scheme(1)] },
      rolesByName: false,
    });
  });

  it('reads the built-in and scheme roles by name when GET /roles needs manage_system', async () => {
    const api = fakeMattermostApi({ 'GET /schemes?page=0&per_page=100': [scheme(1)], 'GET /roles': refused(403), 'POST /roles/names': rolesNamed });
    const collected = await collectPermissions(api, apiRoot, signal);
    const names = collected.roles.ok ? collected.roles.value.map((role) => role.name) : [];
    expect(names).toEqual(expect.arrayContaining(['system_admin', 'system_read_only_admin', 'channel_user', 'run_member', 'team_admin_of_1']));
    expect(names).not.toContain('');
    expect(collected.rolesByName).toBe(true);
  });

  it('asks for at most 100 role names at a time', async () => {
    const schemes = Array.from({ length: 100 }, (_, index) => scheme(index));
    const api = fakeMattermostApi({
      'GET /schemes?page=0&per_page=100': schemes,
      'GET /schemes?page=1&per_page=100': [scheme(100)],
      'GET /roles': refused(403),
      'POST /roles/names': (names: unknown) => {
        expect((names as string[]).length).toBeLessThanOrEqual(100);
        return rolesNamed(names);
      },
    });
    const collected = await collectPermissions(api, apiRoot, signal);
    expect(api.calls.filter((call) => call === 'POST /roles/names')).toHaveLength(2);
    expect(collected.schemes.ok && collected.schemes.value).toHaveLength(101);
    expect(collected.roles.ok && collected.roles.value).toHaveLength(23 + 101);
  });

  it('reports a failing page of schemes rather than a silently short list', async () => {
    const api = fakeMattermostApi({
      'GET /schemes?page=0&per_page=100': Array.from({ length: 100 }, (_, index) => scheme(index)),
      'GET /schemes?page=1&per_page=100': refused(500, 'boom'),
      'GET /roles': [],
    });
    expect((await collectPermissions(api, apiRoot, signal)).schemes).toMatchObject({ ok: false, endpoint: '/api/v4/schemes', status: 500 });
  });
});

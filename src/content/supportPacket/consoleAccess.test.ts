import { describe, expect, it } from 'vitest';
import { consoleAccessFrom } from './consoleAccess.ts';

describe('System Console access', () => {
  it('is granted by any console read permission, without manage_system', () => {
    const access = consoleAccessFrom(['system_user', 'system_read_only_admin'], ['create_post', 'sysconsole_read_environment', 'sysconsole_read_reporting']);
    expect(access).toMatchObject({ allowed: true, managesSystem: false });
    expect(access.consoleReadPermissions).toEqual(['sysconsole_read_environment', 'sysconsole_read_reporting']);
  });

  it('is refused to a regular user', () => {
    expect(consoleAccessFrom(['system_user'], ['create_post', 'view_team']).allowed).toBe(false);
  });

  it('notes manage_system for full admins', () => {
    expect(consoleAccessFrom(['system_admin'], ['manage_system', 'sysconsole_read_about']).managesSystem).toBe(true);
  });
});

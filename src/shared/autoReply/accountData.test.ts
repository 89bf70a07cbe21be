import { describe, expect, it } from 'vitest';
import { accountDataKey, accountNameKey, accountsInStorage, planWorkspaceDataMigration, workspaceDataKey, type Account } from './accountData.ts';

const workspace = { origin: 'https://chat.example.com', basePath: '' };
const alice: Account = { workspace, userId: 'alice-id' };
const carol: Account = { workspace, userId: 'carol-id' };

describe('account data', () => {
  it('keys each account of a workspace apart', () => {
    expect(accountDataKey(alice, 'settings')).toBe('autoReply:https://chat.example.com:account:alice-id:settings');
    expect(accountDataKey(alice, 'settings')).not.toBe(accountDataKey(carol, 'settings'));
    expect(accountDataKey({ workspace: { ...workspace, basePath: '/mm' }, userId: 'alice-id' }, 'activity')).toBe(
      'autoReply:https://chat.example.com/mm:account:alice-id:activity',
    );
  });

  it('moves a workspace’s data to the first account seen, and removes the old keys', () => {
    const settings = { version: 1, enabled: true, message: "Alice here, I'm on holiday" };
    const stored = {
      [workspaceDataKey(workspace, 'settings')]: settings,
      [workspaceDataKey(workspace, 'activity')]: [{ kind: 'replied' }],
      [workspaceDataKey(workspace, 'caughtUpTo')]: 1234,
    };
    expect(planWorkspaceDataMigration(stored, alice)).toEqual({
      set: {
        [accountDataKey(alice, 'settings')]: settings,
        [accountDataKey(alice, 'activity')]: [{ kind: 'replied' }],
        [accountDataKey(alice, 'caughtUpTo')]: 1234,
      },
      remove: [workspaceDataKey(workspace, 'settings'), workspaceDataKey(workspace, 'activity'), workspaceDataKey(workspace, 'caughtUpTo')],
    });
  });

  it('never overwrites what the account already has, but still retires the old keys', () => {
    const stored = {
      [workspaceDataKey(workspace, 'settings')]: { enabled: true },
      [accountDataKey(alice, 'settings')]: { enabled: false },
    };
    expect(planWorkspaceDataMigration(stored, alice)).toEqual({ set: {}, remove: [workspaceDataKey(workspace, 'settings')] });
  });

  it('has nothing to do once migrated', () => {
    expect(planWorkspaceDataMigration({ [accountDataKey(alice, 'settings')]: {} }, carol)).toEqual({ set: {}, remove: [] });
  });

  it('leaves other workspaces’ data alone', () => {
    const other = { origin: 'https://other.example.com', basePath: '' };
    expect(planWorkspaceDataMigration({ [workspaceDataKey(other, 'settings')]: {} }, alice)).toEqual({ set: {}, remove: [] });
  });
});

describe('accounts found in storage', () => {
  const workspace = { origin: 'https://chat.example.com', basePath: '' };
  const other = { origin: 'https://chat.example.com', basePath: '/team' };

  it('lists each account of the workspace once, from any of its keys', () => {
    const keys = [
      accountDataKey({ workspace, userId: 'u1' }, 'settings'),
      accountDataKey({ workspace, userId: 'u1' }, 'activity'),
      accountNameKey({ workspace, userId: 'u2' }),
      accountDataKey({ workspace: other, userId: 'u3' }, 'settings'),
      workspaceDataKey(workspace, 'settings'),
      'enabledWorkspaces',
    ];
    expect(accountsInStorage(keys, workspace)).toEqual(['u1', 'u2']);
    expect(accountsInStorage(keys, other)).toEqual(['u3']);
  });
});

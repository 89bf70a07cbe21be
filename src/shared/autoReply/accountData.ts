import { workspaceUrl, type Workspace } from '../workspace.ts';

/**
 * Auto-reply data belongs to one account on one workspace: two people who
 * sign in on the same browser never see or use each other's settings,
 * activity or catch-up point.
 *
 * Layout version 2 keys it by (workspace, user id). Version 1 kept one set
 * per workspace; the first account seen on that workspace after the upgrade
 * takes it over.
 */
export interface Account {
  readonly workspace: Workspace;
  readonly userId: string;
}

export const accountDataKinds = ['settings', 'activity', 'caughtUpTo', 'pending'] as const;
export type AccountDataKind = (typeof accountDataKinds)[number];

export function accountDataKey(account: Account, kind: AccountDataKind): string {
  return `autoReply:${workspaceUrl(account.workspace)}:account:${account.userId}:${kind}`;
}

/** The account last signed in on the workspace in this browser, so a signed-out tab can tell that its auto-reply is on. */
export function lastAccountKey(workspace: Workspace): string {
  return `autoReply:${workspaceUrl(workspace)}:lastAccount`;
}

/** The account's username, noted by the tab that saw it signed in, so windows can say whose settings they show. */
export function accountNameKey(account: Account): string {
  return `autoReply:${workspaceUrl(account.workspace)}:account:${account.userId}:username`;
}

/** The user ids that have auto-reply data on the workspace, from the names of the keys in storage. */
export function accountsInStorage(keys: Iterable<string>, workspace: Workspace): string[] {
  const prefix = `autoReply:${workspaceUrl(workspace)}:account:`;
  const userIds = new Set<string>();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const userId = key.slice(prefix.length).split(':')[0];
    if (userId) userIds.add(userId);
  }
  return [...userIds];
}

/** Where layout version 1 kept a workspace's data. */
export function workspaceDataKey(workspace: Workspace, kind: AccountDataKind): string {
  return `autoReply:${workspaceUrl(workspace)}:${kind}`;
}

export function sameAccount(a: Account | undefined, b: Account | undefined): boolean {
  return a?.userId === b?.userId && a?.workspace.origin === b?.workspace.origin && a?.workspace.basePath === b?.workspace.basePath;
}

export interface StorageChange {
  readonly set: Record<string, unknown>;
  readonly remove: string[];
}

/**
 * Moves a workspace's version-1 data to the account: each item goes over
 * unless the account already has its own, and the old keys are removed so no
 * other account can take them later. `stored` holds whatever of both layouts
 * storage has.
 */
export function planWorkspaceDataMigration(stored: Readonly<Record<string, unknown>>, account: Account): StorageChange {
  const change: StorageChange = { set: {}, remove: [] };
  for (const kind of accountDataKinds) {
    const legacyKey = workspaceDataKey(account.workspace, kind);
    if (!(legacyKey in stored)) continue;
    const accountKey = accountDataKey(account, kind);
    if (!(accountKey in stored)) change.set[accountKey] = stored[legacyKey];
    change.remove.push(legacyKey);
  }
  return change;
}

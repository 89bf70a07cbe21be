import type { Account } from '../shared/autoReply/accountData.ts';
import type { KnownAccount } from '../shared/autoReply/autoReplyStore.ts';
import { workspaceUrl, type Workspace } from '../shared/workspace.ts';

/** An account the options page can show: its workspace is enabled and a tab has signed in with it. */
export interface AccountChoice extends KnownAccount {
  /** Stable value for the picker. */
  readonly key: string;
}

export const choiceKey = (account: Account) => `${workspaceUrl(account.workspace)} ${account.userId}`;

/** The account the page opens on: the one asked for in its address, else the first. */
export function initialChoice(choices: readonly AccountChoice[], search: string): AccountChoice | undefined {
  const params = new URLSearchParams(search);
  const workspace = params.get('workspace');
  const userId = params.get('account');
  return choices.find((choice) => workspaceUrl(choice.account.workspace) === workspace && choice.account.userId === userId) ?? choices[0];
}

export function choicesFor(accounts: ReadonlyArray<{ readonly workspace: Workspace; readonly known: readonly KnownAccount[] }>): AccountChoice[] {
  return accounts.flatMap(({ known }) =>
    [...known]
      .sort((a, b) => (a.username ?? a.account.userId).localeCompare(b.username ?? b.account.userId))
      .map((entry) => ({ ...entry, key: choiceKey(entry.account) })),
  );
}

import browser from 'webextension-polyfill';
import { readEnabledWorkspaces, writeEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { readableError } from '../shared/readableError.ts';
import { sameWorkspace, workspaceLabel, workspaceMatchPattern, type Workspace } from '../shared/workspace.ts';
import { syncContentScriptRegistration, type TabScripts } from './contentScriptRegistration.ts';

/**
 * Turns the extension on for a workspace whose origin the popup has just been
 * granted: remember it, register the content script, and reload the tab that
 * asked. Registrations apply to future page loads only, and the script that
 * watches the webapp's WebSocket must be in place before the page opens it:
 * a script started in the open page would see no socket and answer nothing.
 */
export async function enableWorkspace(workspace: Workspace, tabId: number, scripts: TabScripts): Promise<null> {
  const pattern = workspaceMatchPattern(workspace);
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw readableError('errorPermissionMissing', `no host permission for ${pattern}`, [workspaceLabel(workspace)]);
  }
  const workspaces = await readEnabledWorkspaces();
  if (!workspaces.some((known) => sameWorkspace(known, workspace))) {
    await writeEnabledWorkspaces([...workspaces, workspace]);
  }
  await syncContentScriptRegistration(await readEnabledWorkspaces(), scripts);
  await browser.tabs.reload(tabId);
  return null;
}

/** The content script stops itself when its workspace leaves the enabled list. */
export async function disableWorkspace(workspace: Workspace, scripts: TabScripts): Promise<void> {
  const remaining = (await readEnabledWorkspaces()).filter((known) => !sameWorkspace(known, workspace));
  await writeEnabledWorkspaces(remaining);
  await syncContentScriptRegistration(remaining, scripts);

  const pattern = workspaceMatchPattern(workspace);
  const stillNeeded = remaining.some((known) => workspaceMatchPattern(known) === pattern);
  if (!stillNeeded && !isRequiredHostPermission(pattern)) {
    await browser.permissions.remove({ origins: [pattern] });
  }
}

/** Forgets workspaces whose host permission the user revoked in the browser's own settings. */
export async function forgetRevokedWorkspaces(scripts: TabScripts): Promise<void> {
  const workspaces = await readEnabledWorkspaces();
  const granted: Workspace[] = [];
  for (const workspace of workspaces) {
    if (await browser.permissions.contains({ origins: [workspaceMatchPattern(workspace)] })) granted.push(workspace);
  }
  if (granted.length !== workspaces.length) await writeEnabledWorkspaces(granted);
  await syncContentScriptRegistration(granted, scripts);
}

/** Permissions the manifest requires cannot be removed; asking would throw. */
function isRequiredHostPermission(pattern: string): boolean {
  return (browser.runtime.getManifest().host_permissions ?? []).includes(pattern);
}

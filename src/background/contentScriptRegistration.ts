import browser from 'webextension-polyfill';
import { workspaceMatchPattern, type Workspace } from '../shared/workspace.ts';

/** One registration covers every enabled workspace, so a page never gets the script twice. */
const registrationId = 'companion-mattermost';

export function contentScriptMatches(workspaces: readonly Workspace[]): string[] {
  return [...new Set(workspaces.map(workspaceMatchPattern))].sort();
}

/**
 * Makes the registered content script match exactly the enabled workspaces.
 * Registrations persist across browser restarts; calling this again with the
 * same list changes nothing.
 */
export async function syncContentScriptRegistration(workspaces: readonly Workspace[], scriptFile: string): Promise<void> {
  const matches = contentScriptMatches(workspaces);
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [registrationId] });

  if (matches.length === 0) {
    if (existing) await browser.scripting.unregisterContentScripts({ ids: [registrationId] });
    return;
  }
  if (existing && sameList(existing.matches ?? [], matches) && sameList(existing.js ?? [], [scriptFile])) return;

  const script: browser.Scripting.RegisteredContentScript = {
    id: registrationId,
    js: [scriptFile],
    matches,
    runAt: 'document_start',
    persistAcrossSessions: true,
  };
  if (existing) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((item, index) => item === sortedB[index]);
}

import browser from 'webextension-polyfill';
import { workspaceMatchPattern, type Workspace } from '../shared/workspace.ts';

/** The built files that run in Mattermost tabs. */
export interface TabScripts {
  /** Isolated world: settings, REST calls, replies. */
  readonly contentScript: string;
  /** Page world, at document_start: observes the webapp's own WebSocket. */
  readonly socketObserver: string;
}

/** One registration per script covers every enabled workspace, so a page never gets a script twice. */
const registrationIds = { contentScript: 'companion-mattermost', socketObserver: 'companion-socket-observer' } as const;

export function contentScriptMatches(workspaces: readonly Workspace[]): string[] {
  return [...new Set(workspaces.map(workspaceMatchPattern))].sort();
}

function wantedRegistrations(matches: string[], scripts: TabScripts): browser.Scripting.RegisteredContentScript[] {
  return [
    { id: registrationIds.socketObserver, js: [scripts.socketObserver], matches, runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true },
    { id: registrationIds.contentScript, js: [scripts.contentScript], matches, runAt: 'document_start', persistAcrossSessions: true },
  ];
}

/**
 * Makes the registered scripts match exactly the enabled workspaces.
 * Registrations persist across browser restarts; calling this again with the
 * same list changes nothing.
 */
export async function syncContentScriptRegistration(workspaces: readonly Workspace[], scripts: TabScripts): Promise<void> {
  const matches = contentScriptMatches(workspaces);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: Object.values(registrationIds) });

  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
    return;
  }
  const wanted = wantedRegistrations(matches, scripts);
  const unchanged = wanted.every((script) => {
    const current = existing.find((registered) => registered.id === script.id);
    return current && sameList(current.matches ?? [], matches) && sameList(current.js ?? [], script.js ?? []);
  });
  if (unchanged) return;
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
  await browser.scripting.registerContentScripts(wanted);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((item, index) => item === sortedB[index]);
}

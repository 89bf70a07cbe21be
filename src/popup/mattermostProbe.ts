import browser from 'webextension-polyfill';
import { candidateBasePaths, type Workspace } from '../shared/workspace.ts';

export type ProbeResult =
  | { readonly kind: 'mattermost'; readonly workspace: Workspace }
  | { readonly kind: 'not-mattermost' }
  | { readonly kind: 'no-access' };

/**
 * Asks the tab itself whether it is served by Mattermost: a same-origin request
 * from the page needs no host permission (the toolbar click grants
 * `activeTab`), where a request from the popup would be cross-origin.
 */
export async function probeTabForMattermost(tabId: number, pageUrl: string): Promise<ProbeResult> {
  const { origin, pathname } = new URL(pageUrl);
  let found: string | null;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: findMattermostBasePath,
      args: [candidateBasePaths(pathname)],
    });
    found = (injection?.result as string | null | undefined) ?? null;
  } catch {
    return { kind: 'no-access' };
  }
  return found === null ? { kind: 'not-mattermost' } : { kind: 'mattermost', workspace: { origin, basePath: found } };
}

/** Runs inside the tab, so it must not use anything from outside its body. */
async function findMattermostBasePath(basePaths: string[]): Promise<string | null> {
  for (const basePath of basePaths) {
    try {
      const response = await fetch(`${location.origin}${basePath}/api/v4/system/ping`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) continue;
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'OK') return basePath;
    } catch {
      // Not this path: an HTML page, a network error or a refusal.
    }
  }
  return null;
}

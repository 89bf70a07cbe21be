import { onEnabledWorkspacesChanged } from '../shared/enabledWorkspaces.ts';
import { isFlagSet, setFlag } from '../shared/tabScriptFlags.ts';
import { findWorkspaceForUrl } from '../shared/workspace.ts';

/**
 * Starts a script the background runs in a Mattermost tab on demand (the
 * support packet's, the desk's): once per page, however often it is run,
 * answering the extension's messages until the tab's workspace is no longer
 * enabled, when it stops and may be run again. `answer` starts answering and
 * gives what stops it; its listener is in place before this returns, so the
 * first question sent once the script has run finds it.
 */
export function startOncePerPage(flag: string, answer: () => () => void): void {
  if (isFlagSet(flag)) return;
  setFlag(flag, true);
  const stopAnswering = answer();
  const stopWatching = onEnabledWorkspacesChanged((workspaces) => {
    if (findWorkspaceForUrl(workspaces, location.href)) return;
    stopAnswering();
    stopWatching();
    setFlag(flag, false);
  });
}

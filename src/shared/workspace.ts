/**
 * A Mattermost server the user has enabled, as the browser addresses it.
 * `basePath` is empty for a server at the root of its origin and `/path` for a
 * subpath install (`https://host/mattermost`).
 */
export interface Workspace {
  readonly origin: string;
  readonly basePath: string;
}

const webProtocols = new Set(['http:', 'https:']);

/** How many leading path segments are tried when looking for a subpath install. */
export const maxBasePathDepth = 3;

export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return webProtocols.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function workspaceUrl(workspace: Workspace): string {
  return workspace.origin + workspace.basePath;
}

/** The workspace's name as people say it: host, port and subpath. */
export function workspaceLabel(workspace: Workspace): string {
  return new URL(workspace.origin).host + workspace.basePath;
}

export function sameWorkspace(a: Workspace, b: Workspace): boolean {
  return a.origin === b.origin && a.basePath === b.basePath;
}

/**
 * The match pattern used both for the host permission and for the content
 * script registration. Ports are left out: Chromium's patterns cover every port
 * of a host, and Firefox never runs scripts registered with a port in the
 * pattern. The content script checks the exact origin itself.
 */
export function workspaceMatchPattern(workspace: Workspace): string {
  const { protocol, hostname } = new URL(workspace.origin);
  return `${protocol}//${hostname}${workspace.basePath}/*`;
}

export function workspaceContainsUrl(workspace: Workspace, url: string): boolean {
  const parsed = new URL(url);
  if (parsed.origin !== workspace.origin) return false;
  if (workspace.basePath === '') return true;
  return parsed.pathname === workspace.basePath || parsed.pathname.startsWith(`${workspace.basePath}/`);
}

export function findWorkspaceForUrl(workspaces: readonly Workspace[], url: string): Workspace | undefined {
  if (!isWebUrl(url)) return undefined;
  // The longest base path wins when two installs share an origin.
  return [...workspaces]
    .sort((a, b) => b.basePath.length - a.basePath.length)
    .find((workspace) => workspaceContainsUrl(workspace, url));
}

/**
 * Base paths at which a Mattermost server could live for a page URL, shortest
 * first: `/team/messages/@bob` gives `''`, `/team`, `/team/messages`, `/team/messages/@bob`.
 */
export function candidateBasePaths(pathname: string, depth = maxBasePathDepth): string[] {
  const segments = pathname.split('/').filter(Boolean).slice(0, depth);
  return ['', ...segments.map((_, index) => `/${segments.slice(0, index + 1).join('/')}`)];
}

/** Parses stored data into workspaces, dropping entries that are not well-formed. */
export function parseWorkspace(value: unknown): Workspace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { origin, basePath } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || typeof basePath !== 'string') return undefined;
  if (!isWebUrl(origin) || new URL(origin).origin !== origin) return undefined;
  if (basePath !== '' && !/^(\/[^/?#]+)+$/.test(basePath)) return undefined;
  return { origin, basePath };
}

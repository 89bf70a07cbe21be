import { textAt, type JsonObject } from './jsonValues.ts';

/**
 * Where the per-node files go. The native packet writes diagnostics.yaml,
 * sanitized_config.json, mattermost.log (and profiles we cannot have) under
 * `<hostname>/` for each node of a cluster, even a cluster of one; without a
 * cluster they sit at the root.
 */

export interface ClusterNode {
  readonly hostname: string;
  /** The version the node reports, which differs between nodes during an upgrade. */
  readonly version: string | undefined;
  readonly configHash: string | undefined;
}

/** The nodes from `GET /api/v4/cluster/status` (model.ClusterInfo), those without a hostname left out. */
export function clusterNodes(status: readonly JsonObject[]): ClusterNode[] {
  return status.flatMap((info) => {
    const hostname = textAt(info, 'hostname');
    return hostname ? [{ hostname, version: textAt(info, 'version') || undefined, configHash: textAt(info, 'config_hash') || undefined }] : [];
  });
}

/** A hostname as a folder name that cannot climb out of the packet or hide itself. */
export function nodeFolder(hostname: string): string {
  const safe = hostname.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^\.*$/.test(safe) ? `_${safe}` : safe;
}

export interface NodeLogs {
  /** Lines before the first node header: not attributable to a node. */
  readonly unattributed: readonly string[];
  readonly byHostname: ReadonlyMap<string, readonly string[]>;
}

const rule = /^-{20,}$/;
const dash = 45;

/**
 * In a cluster, `GET /api/v4/logs` returns every node's lines, each node's
 * behind a header of two dashed rules, the hostname and two dashed rules.
 * Splits the lines at those headers; the headers themselves are dropped.
 */
export function splitLogByNode(lines: readonly string[]): NodeLogs {
  const unattributed: string[] = [];
  const byHostname = new Map<string, string[]>();
  let current = unattributed;
  for (let index = 0; index < lines.length; index += 1) {
    const hostname = headerAt(lines, index);
    if (hostname === undefined) {
      current.push(lines[index] ?? '');
      continue;
    }
    current = byHostname.get(hostname) ?? [];
    byHostname.set(hostname, current);
    index += 4;
  }
  return { unattributed, byHostname };
}

function headerAt(lines: readonly string[], index: number): string | undefined {
  // Most lines are JSON or plain log text: a first character other than a dash rules the header out at once.
  if (lines[index]?.charCodeAt(0) !== dash || lines[index + 4]?.charCodeAt(0) !== dash) return undefined;
  const isRule = (offset: number) => rule.test(lines[index + offset]?.trim() ?? '');
  if (!isRule(0) || !isRule(1) || !isRule(3) || !isRule(4)) return undefined;
  const hostname = lines[index + 2]?.trim();
  return hostname && !rule.test(hostname) ? hostname : undefined;
}

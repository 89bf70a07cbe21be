import { nodeFolder, type NodeLogs } from './clusterLayout.ts';
import type { Drafted } from './drafted.ts';

/**
 * mattermost.log from the server's log lines: at the root, or, where the
 * native packet uses node folders, each node's lines in `<hostname>/`. The
 * server returns each line with the line break that preceded it, and a single
 * empty line when it writes no log file; both are tidied here.
 */
export interface LogFile {
  readonly path: string;
  readonly lines: readonly string[];
}

const surroundingLineBreaks = /^[\r\n]+|[\r\n]+$/g;

/** A line without the line breaks around it; undefined for an empty one. */
export function tidyLogLine(line: string): string | undefined {
  const tidy = line.replace(surroundingLineBreaks, '');
  return tidy === '' ? undefined : tidy;
}

/**
 * `hostnames` lists the node folders when the packet has them (see
 * ServerFacts.clustered), undefined when its files sit at the root.
 */
export function logFiles(logs: NodeLogs, hostnames: readonly string[] | undefined): Drafted<LogFile[]> {
  const { unattributed, byHostname } = logs;
  if (!hostnames) return { value: [{ path: 'mattermost.log', lines: [...unattributed, ...[...byHostname.values()].flat()] }], leftOut: [] };
  const [onlyNode] = hostnames;
  if (byHostname.size === 0 && hostnames.length === 1 && onlyNode !== undefined) {
    return { value: [{ path: `${nodeFolder(onlyNode)}/mattermost.log`, lines: unattributed }], leftOut: [] };
  }
  const leftOut: string[] = [];
  const value = [...byHostname].map(([hostname, lines]) => ({ path: `${nodeFolder(hostname)}/mattermost.log`, lines }));
  for (const hostname of hostnames) {
    if (!byHostname.has(hostname)) leftOut.push(`${nodeFolder(hostname)}/mattermost.log: the server log has no lines from this node`);
  }
  if (unattributed.length > 0) {
    value.unshift({ path: 'mattermost.log', lines: unattributed });
    leftOut.push('mattermost.log: lines no node header claims are at the root');
  }
  return { value, leftOut };
}

import { nodeFolder, splitLogByNode, type ClusterNode } from './clusterLayout.ts';
import type { Drafted } from './drafted.ts';

/**
 * mattermost.log from the lines of `GET /api/v4/logs`, at the root or, in a
 * cluster, split into each node's folder. The server reads its file backwards
 * and returns each line with the line break that preceded it, and a single
 * empty line when it writes no log file; both are tidied here.
 */
export interface LogFile {
  readonly path: string;
  readonly lines: readonly string[];
}

const surroundingLineBreaks = /^[\r\n]+|[\r\n]+$/g;

export function logFileLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(surroundingLineBreaks, '')).filter((line) => line !== '');
}

export function logFiles(lines: readonly string[], nodes: readonly ClusterNode[]): Drafted<LogFile[]> {
  if (nodes.length === 0) return { value: [{ path: 'mattermost.log', lines }], leftOut: [] };
  const { unattributed, byHostname } = splitLogByNode(lines);
  if (byHostname.size === 0) {
    return {
      value: [{ path: 'mattermost.log', lines }],
      leftOut: ['mattermost.log: the server log does not say which node wrote which line, so it is at the root rather than in the node folders'],
    };
  }
  const value = [...byHostname].map(([hostname, nodeLines]) => ({ path: `${nodeFolder(hostname)}/mattermost.log`, lines: nodeLines }));
  if (unattributed.length === 0) return { value, leftOut: [] };
  return {
    value: [{ path: 'mattermost.log', lines: unattributed }, ...value],
    leftOut: ['mattermost.log: lines before the first node header are at the root, as no node claims them'],
  };
}

export function logText(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

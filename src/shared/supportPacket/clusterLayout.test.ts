import { describe, expect, it } from 'vitest';
import { clusterNodes, nodeFolder, splitLogByNode } from './clusterLayout.ts';

const rule = '-'.repeat(107);
const header = (hostname: string) => [rule, rule, hostname, rule, rule];

describe('cluster layout', () => {
  it('reads the nodes of the cluster status, skipping entries without a hostname', () => {
    expect(clusterNodes([{ hostname: 'app-1', version: '11.4.0', config_hash: 'abc' }, { id: 'x' }])).toEqual([
      { hostname: 'app-1', version: '11.4.0', configHash: 'abc' },
    ]);
  });

  it('names node folders so they stay inside the packet', () => {
    expect(nodeFolder('app-1.internal')).toBe('app-1.internal');
    expect(nodeFolder('../etc/passwd')).toBe('.._etc_passwd');
    expect(nodeFolder('..')).toBe('_..');
  });

  it('splits the cluster log at each node’s header and drops the headers', () => {
    const lines = [...header('app-1'), 'one', 'two', ...header('app-2'), 'three'];
    expect(splitLogByNode(lines)).toEqual({
      unattributed: [],
      byHostname: new Map([
        ['app-1', ['one', 'two']],
        ['app-2', ['three']],
      ]),
    });
  });

  it('keeps lines before the first header apart, and a lone rule as a line', () => {
    expect(splitLogByNode(['early', rule, ...header('app-1'), 'late'])).toEqual({
      unattributed: ['early', rule],
      byHostname: new Map([['app-1', ['late']]]),
    });
  });
});

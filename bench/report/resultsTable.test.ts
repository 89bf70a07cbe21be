import { describe, expect, it } from 'vitest';
import type { Environment } from './environment.ts';
import { comparison, figure } from './figure.ts';
import { formatValue, resultsMarkdown } from './resultsTable.ts';

const environment: Environment = {
  date: '2026-01-02T03:04:05.000Z',
  mode: 'full',
  machine: { cpu: 'Example CPU', cores: 2, memoryGiB: 23.4, loadAverage: { start: 0.5, end: 1.25 } },
  versions: { chromium: '156.0', node: 'v20.20.2', mattermost: '11.4.0', extension: '0.1.0' },
};

describe('resultsMarkdown', () => {
  const markdown = resultsMarkdown(environment, [
    comparison('Reply latency', 'p50', 'ms', 30, { name: 'native', value: 12 }, 'How it was measured.'),
    figure('Reply latency', 'missed', 'messages', 0),
    figure('Burst', 'service worker', 'ms', null, 'Not measured: no worker.'),
  ]);

  it('names the machine and the versions', () => {
    expect(markdown).toContain('Example CPU, 2 cores, 23.4 GiB memory');
    expect(markdown).toContain('Chromium 156.0, Node v20.20.2, Mattermost 11.4.0, Companion 0.1.0');
  });

  it('gives each comparison both sides and the ratio, with its note below the table', () => {
    expect(markdown).toContain('| p50 [1] | 30 ms | native: 12 ms | 2.50× |');
    expect(markdown).toContain('1. How it was measured.');
  });

  it('says so when a figure could not be measured', () => {
    expect(markdown).toContain('| service worker [1] | not measured |  |  |');
  });
});

describe('formatValue', () => {
  it('keeps one decimal for small fractions, none for large ones, two for seconds', () => {
    expect(formatValue(12.345, 'ms')).toBe('12.3 ms');
    expect(formatValue(1234.5, 'ms')).toBe('1,235 ms');
    expect(formatValue(3, 's')).toBe('3.00 s');
  });
});

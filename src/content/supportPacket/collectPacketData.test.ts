import { describe, expect, it, vi } from 'vitest';
import { collectPacketData } from './collectPacketData.ts';
import { fakeMattermostApi } from './fakeMattermostApi.ts';

describe('collecting the packet’s sources', () => {
  it('asks for the log before the other sources have answered, and independent sources together', async () => {
    // Every source answers 404 (recorded as a failure, the packet goes on); what matters is when each was asked.
    const api = fakeMattermostApi({});
    const asked: string[] = [];
    let pending = 0;
    let mostAtOnce = 0;
    const request = api.request.bind(api);
    api.request = async (method, url, body, options) => {
      asked.push(url.replace(/^.*\/api\/v4/, ''));
      pending += 1;
      mostAtOnce = Math.max(mostAtOnce, pending);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await request(method, url, body, options);
      } finally {
        pending -= 1;
      }
    };
    vi.stubGlobal('navigator', { userAgent: 'Test browser' });
    const steps: string[] = [];
    await collectPacketData({
      api,
      serverUrl: 'https://chat.example.com',
      extensionVersion: '1.0.0',
      websocketReachable: true,
      signal: new AbortController().signal,
      onStep: (step) => steps.push(step),
    });
    expect(asked.findIndex((path) => path.startsWith('/logs'))).toBeLessThan(asked.indexOf('/config'));
    expect(mostAtOnce).toBeGreaterThanOrEqual(5);
    vi.unstubAllGlobals();
    expect(steps).toEqual(['server', 'configuration', 'statistics', 'jobs', 'permissions', 'plugins', 'logs', 'environment']);
  });
});

import { describe, expect, it } from 'vitest';
import { collectServerLog } from './collectServerLog.ts';
import { apiRoot, fakeMattermostApi, refused } from './fakeMattermostApi.ts';

const rule = '-'.repeat(107);
const header = (hostname: string) => [rule, rule, hostname, rule, rule];
const signal = new AbortController().signal;
const lines = (node: string, from: number, count: number) => Array.from({ length: count }, (_, index) => `{"msg":"${node} ${from + index}"}`);

describe('collecting the server log', () => {
  it('downloads the whole file when the log has no node headers', async () => {
    const api = fakeMattermostApi({
      'GET /logs?page=0&logs_per_page=1': ['{"msg":"newest"}'],
      'GET /logs/download': '{"msg":"one"}\n{"msg":"two"}\n',
    });
    expect(await collectServerLog(api, apiRoot, signal)).toEqual({ ok: true, value: ['{"msg":"one"}', '{"msg":"two"}'] });
    expect(api.calls).toEqual(['GET /logs?page=0&logs_per_page=1', 'GET /logs/download']);
  });

  it('pages every node’s lines, oldest page first, while any node still fills a page', async () => {
    const api = fakeMattermostApi({
      'GET /logs?page=0&logs_per_page=1': [...header('app-1'), 'x', ...header('app-2'), 'y'],
      'GET /logs?page=0&logs_per_page=10000': [...header('app-1'), ...lines('one', 10_000, 10_000), ...header('app-2'), ...lines('two', 0, 3)],
      'GET /logs?page=1&logs_per_page=10000': [...header('app-1'), ...lines('one', 0, 2), ...header('app-2')],
    });
    const log = await collectServerLog(api, apiRoot, signal);
    expect(api.calls).not.toContain('GET /logs/download');
    expect(log.ok && log.value.slice(0, 7)).toEqual([...header('app-1'), '{"msg":"one 0"}', '{"msg":"one 1"}']);
    expect(log.ok && log.value.length).toBe(5 + 2 + 5 + 5 + 10_000 + 5 + 3);
  });

  it('falls back to the paged endpoint on servers without the download', async () => {
    const api = fakeMattermostApi({
      'GET /logs?page=0&logs_per_page=1': ['{"msg":"newest"}'],
      'GET /logs?page=0&logs_per_page=10000': ['{"msg":"a"}', '{"msg":"b"}'],
    });
    expect(await collectServerLog(api, apiRoot, signal)).toEqual({ ok: true, value: ['{"msg":"a"}', '{"msg":"b"}'] });
  });

  it('reports a refused download with its endpoint and status', async () => {
    const api = fakeMattermostApi({ 'GET /logs?page=0&logs_per_page=1': refused(403), 'GET /logs/download': refused(403) });
    expect(await collectServerLog(api, apiRoot, signal)).toMatchObject({ ok: false, endpoint: '/api/v4/logs/download', status: 403 });
  });
});

import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { contentScriptMatches } = await import('./contentScriptRegistration.ts');

describe('content script matches', () => {
  it('covers each enabled workspace once, without ports', () => {
    expect(
      contentScriptMatches([
        { origin: 'http://127.0.0.1:8065', basePath: '' },
        { origin: 'http://127.0.0.1:9065', basePath: '' },
        { origin: 'https://example.com', basePath: '/mattermost' },
      ]),
    ).toEqual(['http://127.0.0.1/*', 'https://example.com/mattermost/*']);
  });

  it('is empty when nothing is enabled', () => {
    expect(contentScriptMatches([])).toEqual([]);
  });
});

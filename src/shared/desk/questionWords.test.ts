import { describe, expect, it } from 'vitest';
import { topicsOf } from './questionWords.ts';

describe('question words', () => {
  it('keeps the words that say what a question is about, each once', () => {
    expect(topicsOf('Hi team, my VPN is down. The VPN client says: certificate expired!').words).toEqual([
      'vpn',
      'down',
      'client',
      'says',
      'certificate',
      'expired',
    ]);
  });

  it('finds words in Chinese, which has no spaces', () => {
    const { words } = topicsOf('请问怎么重置密码？网络连接失败');
    expect(words).toEqual(expect.arrayContaining(['密码', '网络', '连接', '失败']));
    expect(words).not.toContain('请问');
    expect(words).not.toContain('怎么');
  });

  it('counts hashtags as tags, not words, and leaves links and numbers out', () => {
    expect(topicsOf('#vpn #access-request see https://example.test/wiki/page for ticket 4242')).toEqual({
      words: ['see', 'ticket'],
      tags: ['vpn', 'access-request'],
    });
  });
});

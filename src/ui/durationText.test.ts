import { describe, expect, it } from 'vitest';
import { durationText } from './durationText.ts';

describe('duration text', () => {
  it('says seconds, then minutes, then hours, then days', () => {
    expect(durationText(42_400, 'en')).toBe('42 sec');
    expect(durationText(10 * 60_000, 'en')).toBe('10 min');
    expect(durationText(90 * 60_000, 'en')).toBe('1.5 hr');
    expect(durationText(3 * 24 * 60 * 60_000, 'en')).toBe('3 days');
    expect(durationText(undefined, 'en')).toBe('—');
  });

  it('speaks the browser’s language', () => {
    expect(durationText(10 * 60_000, 'zh-CN')).toBe('10分钟');
  });
});

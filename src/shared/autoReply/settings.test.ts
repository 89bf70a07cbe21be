import { describe, expect, it } from 'vitest';
import { defaultAutoReplySettings, parseAutoReplySettings } from './settings.ts';

describe('auto-reply settings', () => {
  it('accepts the defaults', () => {
    expect(parseAutoReplySettings(defaultAutoReplySettings)).toEqual({ ok: true, settings: defaultAutoReplySettings });
  });

  it('fills fields missing from settings saved before versioning with defaults', () => {
    expect(parseAutoReplySettings({ enabled: true, message: 'Away' })).toEqual({
      ok: true,
      settings: { ...defaultAutoReplySettings, enabled: true, message: 'Away' },
    });
  });

  it('brings unversioned settings with their own choice of conversations up to date', () => {
    const replyTo = { directMessages: true, groupMessages: true, channelMentions: false };
    expect(parseAutoReplySettings({ enabled: true, replyTo })).toEqual({
      ok: true,
      settings: { ...defaultAutoReplySettings, enabled: true, replyTo: { ...replyTo, channelWideMentions: false } },
    });
  });

  it('brings version 1 settings to version 2 with channel-wide mentions off, keeping every choice', () => {
    const version1 = {
      ...defaultAutoReplySettings,
      version: 1,
      enabled: true,
      replyTo: { directMessages: false, groupMessages: true, channelMentions: true },
    };
    expect(parseAutoReplySettings(version1)).toEqual({
      ok: true,
      settings: { ...version1, version: 2, replyTo: { directMessages: false, groupMessages: true, channelMentions: true, channelWideMentions: false } },
    });
  });

  it('refuses an invalid regular expression and names the rule', () => {
    const result = parseAutoReplySettings({
      ...defaultAutoReplySettings,
      rules: [{ kind: 'pattern', match: '(unclosed', reply: 'x' }],
    });
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('rules.0')] });
    expect(result.ok || result.problems[0]).toContain('regular expression');
  });

  it('refuses an unknown time zone, a bad clock time and a zero interval', () => {
    const result = parseAutoReplySettings({
      ...defaultAutoReplySettings,
      schedule: { kind: 'outside-working-hours', timeZone: 'Mars/Olympus', workingDays: [1], start: '9:00', end: '18:00' },
      minutesBetweenReplies: 0,
    });
    expect(result.ok).toBe(false);
    expect(result.ok || result.problems.join('\n')).toMatch(/schedule\.timeZone[\s\S]*schedule\.start[\s\S]*minutesBetweenReplies/);
  });

  it('refuses things that are not settings at all', () => {
    expect(parseAutoReplySettings('hello').ok).toBe(false);
    expect(parseAutoReplySettings([1, 2]).ok).toBe(false);
    expect(parseAutoReplySettings({ ...defaultAutoReplySettings, version: 99 }).ok).toBe(false);
  });
});

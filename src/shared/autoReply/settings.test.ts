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
    expect(result).toEqual({ ok: false, problems: [{ path: 'rules.0', code: 'needs-valid-pattern' }] });
  });

  it('refuses an unknown time zone, a bad clock time and a zero interval', () => {
    const result = parseAutoReplySettings({
      ...defaultAutoReplySettings,
      schedule: { kind: 'outside-working-hours', timeZone: 'Mars/Olympus', workingDays: [1], start: '9:00', end: '18:00' },
      minutesBetweenReplies: 0,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'schedule.timeZone', code: 'needs-time-zone' },
        { path: 'schedule.start', code: 'needs-clock-time' },
        { path: 'minutesBetweenReplies', code: 'too-small', limit: 1 },
      ],
    });
  });

  it('refuses things that are not settings at all', () => {
    expect(parseAutoReplySettings('hello').ok).toBe(false);
    expect(parseAutoReplySettings([1, 2]).ok).toBe(false);
    expect(parseAutoReplySettings({ ...defaultAutoReplySettings, version: 99 }).ok).toBe(false);
  });

  it('gives each problem as a code a window can put in its own language', () => {
    const problems = (input: Record<string, unknown>) => {
      const result = parseAutoReplySettings({ ...defaultAutoReplySettings, ...input });
      return result.ok ? [] : result.problems;
    };
    expect(problems({ version: 99 })).toEqual([{ path: 'version', code: 'unknown-version' }]);
    expect(problems({ minutesAfterPause: 1.5 })).toEqual([{ path: 'minutesAfterPause', code: 'not-whole-number' }]);
    expect(problems({ catchUpMinutes: 2000 })).toEqual([{ path: 'catchUpMinutes', code: 'too-large', limit: 1440 }]);
    expect(problems({ message: '' })).toEqual([{ path: 'message', code: 'needs-message' }]);
    expect(problems({ message: 'x'.repeat(4001) })).toEqual([{ path: 'message', code: 'too-long', limit: 4000 }]);
    expect(problems({ enabled: 'yes' })).toEqual([{ path: 'enabled', code: 'wrong-kind' }]);
    expect(problems({ minutesBetweenReplies: Number.NaN })).toEqual([{ path: 'minutesBetweenReplies', code: 'needs-number' }]);
  });
});

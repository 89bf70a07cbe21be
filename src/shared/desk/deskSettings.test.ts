import { describe, expect, it } from 'vitest';
import { defaultDeskSettings, parseDeskSettings } from './deskSettings.ts';

const channel = 'c'.repeat(26);
const tina = 't'.repeat(26);

describe('desk settings', () => {
  it('accepts the defaults and a desk with its channel, team and rotation', () => {
    expect(parseDeskSettings(defaultDeskSettings)).toEqual({ ok: true, settings: defaultDeskSettings });
    const desk = {
      ...defaultDeskSettings,
      enabled: true,
      channelIds: [channel],
      team: { userIds: [tina], groupId: null },
      onDuty: { kind: 'rotation', userIds: [tina], period: 'week', firstDay: '2026-11-23' },
      timeZone: 'Asia/Shanghai',
      answers: { rules: [{ kind: 'keyword', match: 'vpn', reply: 'See the VPN guide.' }], askForFeedback: true },
      weeklyReport: { enabled: true, weekday: 5, time: '16:00', channelId: channel },
    };
    expect(parseDeskSettings(desk)).toEqual({ ok: true, settings: desk });
  });

  it('names each field that is wrong and what it needs', () => {
    const result = parseDeskSettings({
      ...defaultDeskSettings,
      channelIds: ['town-square'],
      solvedEmoji: ':white_check_mark:',
      onDuty: { kind: 'rotation', userIds: [], period: 'week', firstDay: '2026-13-40' },
      reminders: { enabled: true, afterMinutes: 0, atMost: 3 },
      answers: { rules: [{ kind: 'pattern', match: '(', reply: 'x' }], askForFeedback: true },
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'channelIds.0', code: 'needs-id' },
      { path: 'solvedEmoji', code: 'needs-emoji-name' },
      { path: 'onDuty.userIds', code: 'too-short', limit: 1 },
      { path: 'onDuty.firstDay', code: 'needs-date' },
      { path: 'answers.rules.0', code: 'needs-valid-pattern' },
      { path: 'reminders.afterMinutes', code: 'too-small', limit: 1 },
    ]);
  });

  it('migrates version 1, whose page never showed what runs by itself, with all of that off', () => {
    const saved = { ...defaultDeskSettings, version: 1, enabled: true, reminders: { enabled: true, afterMinutes: 45, atMost: 2 }, welcome: { ...defaultDeskSettings.welcome, enabled: true } };
    const result = parseDeskSettings(saved);
    expect(result.ok && result.settings).toEqual({ ...defaultDeskSettings, reminders: { enabled: false, afterMinutes: 45, atMost: 2 } });
  });

  it('refuses settings of an unknown version', () => {
    const result = parseDeskSettings({ ...defaultDeskSettings, version: 3 });
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'version', code: 'unknown-version' }]);
  });
});

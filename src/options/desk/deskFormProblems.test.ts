import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultDeskSettings } from '../../shared/desk/deskSettings.ts';

const english = JSON.parse(readFileSync(path.resolve(__dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

// The browser's i18n with the English locale: placeholders filled in as the browser fills them.
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage: (key: string, substitutions: string[] = []) => {
        const entry = english[key];
        if (!entry) return '';
        return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
          const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
          return substitutions[Number(content.slice(1)) - 1] ?? '';
        });
      },
    },
  },
}));

const { describeDeskProblem, remindersProblems, weeklyReportProblems, welcomeProblems } = await import('./deskFormProblems.ts');

const reminders = { ...defaultDeskSettings.reminders, enabled: true };
const hours = defaultDeskSettings.hours;
const welcome = { ...defaultDeskSettings.welcome, enabled: true };
const weeklyReport = { ...defaultDeskSettings.weeklyReport, enabled: true };

describe('reminders before saving', () => {
  it('need at least one working day', () => {
    expect(remindersProblems(reminders, { ...hours, workingDays: [] })).toEqual(['Not saved: choose at least one working day for reminders.']);
  });

  it('must start before they end', () => {
    expect(remindersProblems(reminders, { ...hours, start: '18:00', end: '09:00' })).toEqual(['Not saved: reminders must start before they end.']);
    expect(remindersProblems(reminders, { ...hours, start: '09:00', end: '09:00' })).toEqual(['Not saved: reminders must start before they end.']);
  });

  it('leave a cleared time to the schema, which names the field', () => {
    expect(remindersProblems(reminders, { ...hours, start: '' })).toEqual([]);
  });

  it('are not checked while switched off', () => {
    expect(remindersProblems({ ...reminders, enabled: false }, { ...hours, workingDays: [], start: '18:00', end: '09:00' })).toEqual([]);
  });

  it('pass with the default days and hours', () => {
    expect(remindersProblems(reminders, hours)).toEqual([]);
  });
});

describe('the welcome before saving', () => {
  it('needs a message when switched on', () => {
    expect(welcomeProblems({ ...welcome, message: '  \n' })).toEqual(['Not saved: write the welcome message.']);
  });

  it('may have no message while switched off', () => {
    expect(welcomeProblems({ ...welcome, enabled: false, message: '' })).toEqual([]);
  });
});

describe('the weekly report before saving', () => {
  it('needs a channel when switched on', () => {
    expect(weeklyReportProblems({ ...weeklyReport, channelId: null })).toEqual(['Not saved: choose the channel the weekly report goes to.']);
  });

  it('passes with a channel', () => {
    expect(weeklyReportProblems({ ...weeklyReport, channelId: 'c'.repeat(26) })).toEqual([]);
  });

  it('may have no channel while switched off', () => {
    expect(weeklyReportProblems({ ...weeklyReport, enabled: false, channelId: null })).toEqual([]);
  });
});

describe('desk settings problems in words', () => {
  it('give a number out of range with both its bounds', () => {
    expect(describeDeskProblem({ path: 'reminders.afterMinutes', code: 'too-small', limit: 1 })).toBe(
      'Minutes without a reply before a reminder: must be between 1 and 10080',
    );
    expect(describeDeskProblem({ path: 'reminders.atMost', code: 'too-large', limit: 10 })).toBe('Reminders per question at most: must be between 1 and 10');
  });

  it('say an emptied number field needs a number', () => {
    expect(describeDeskProblem({ path: 'reminders.atMost', code: 'needs-number' })).toBe('Reminders per question at most: needs a number');
  });

  it('name the hours and the welcome by their labels', () => {
    expect(describeDeskProblem({ path: 'hours.start', code: 'needs-clock-time' })).toBe('Reminders from: needs a time as HH:MM');
    expect(describeDeskProblem({ path: 'welcome.message', code: 'too-long', limit: 4000 })).toBe(
      'Welcome message: must have at most 4000 characters or entries',
    );
  });

  it('name the weekly report fields by their labels', () => {
    expect(describeDeskProblem({ path: 'weeklyReport.time', code: 'needs-clock-time' })).toBe('Report time: needs a time as HH:MM');
  });

  it('label the rules as the rules editor does', () => {
    expect(describeDeskProblem({ path: 'answers.rules.0.match', code: 'needs-match' })).toBe('Rule 1 keyword or expression: needs a word or pattern to match');
  });
});

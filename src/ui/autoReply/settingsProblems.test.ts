import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

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

const { describeSettingsProblem } = await import('./settingsProblems.ts');

describe('settings problems in words', () => {
  it('names the field by the label the form shows', () => {
    expect(describeSettingsProblem({ path: 'minutesBetweenReplies', code: 'too-small', limit: 1 })).toBe('Minutes between replies: must be at least 1');
    expect(describeSettingsProblem({ path: 'schedule.timeZone', code: 'needs-time-zone' })).toBe('Time zone: needs a time zone such as Europe/Berlin');
  });

  it('numbers rules from 1 and names their fields', () => {
    expect(describeSettingsProblem({ path: 'rules.0', code: 'needs-valid-pattern' })).toBe('Rule 1: not a valid regular expression');
    expect(describeSettingsProblem({ path: 'rules.2.reply', code: 'needs-reply' })).toBe('Rule 3 reply: needs a reply text');
  });

  it('keeps a path it has no label for, and says a problem of the whole without one', () => {
    expect(describeSettingsProblem({ path: 'version', code: 'unknown-version' })).toBe('version: settings from an unknown version of Companion');
    expect(describeSettingsProblem({ path: '', code: 'wrong-kind' })).toBe('has the wrong kind of value');
  });
});

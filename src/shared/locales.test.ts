import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const localesDir = path.resolve(__dirname, '../../public/_locales');
const readLocale = (locale: string) =>
  JSON.parse(readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, LocaleMessage>;

const english = readLocale('en');
const otherLocales = readdirSync(localesDir).filter((locale) => locale !== 'en');

const placeholdersUsed = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]?.toLowerCase()).sort();

describe('locales', () => {
  it('include Simplified Chinese', () => {
    expect(otherLocales).toContain('zh_CN');
  });

  it.each(otherLocales)('%s translates exactly the English keys', (locale) => {
    expect(Object.keys(readLocale(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(otherLocales)('%s uses the same placeholders as English in every message', (locale) => {
    const translated = readLocale(locale);
    for (const [key, { message }] of Object.entries(english)) {
      expect(placeholdersUsed(translated[key]?.message ?? ''), key).toEqual(placeholdersUsed(message));
    }
  });

  it('declares every placeholder a message uses', () => {
    for (const [key, { message, placeholders = {} }] of Object.entries(english)) {
      for (const name of placeholdersUsed(message)) expect(Object.keys(placeholders), key).toContain(name);
    }
  });
});

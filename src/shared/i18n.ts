import browser from 'webextension-polyfill';
import type englishMessages from '../../public/_locales/en/messages.json';

/** Every key of the English locale; a misspelt key does not compile. */
export type MessageKey = keyof typeof englishMessages;

export function t(key: MessageKey, substitutions?: readonly string[]): string {
  return browser.i18n.getMessage(key, substitutions ? [...substitutions] : undefined) || key;
}

/** Minutes in words, in the extension's language: "1 minute", "60 minutes", "60分钟". */
export function minutesInWords(minutes: number): string {
  return new Intl.NumberFormat(browser.i18n.getUILanguage(), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

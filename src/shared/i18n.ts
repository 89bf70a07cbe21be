import browser from 'webextension-polyfill';
import type englishMessages from '../../public/_locales/en/messages.json';

/** Every key of the English locale; a misspelt key does not compile. */
export type MessageKey = keyof typeof englishMessages;

export function t(key: MessageKey, substitutions?: readonly string[]): string {
  return browser.i18n.getMessage(key, substitutions ? [...substitutions] : undefined) || key;
}

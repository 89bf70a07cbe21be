import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsApp } from './OptionsApp.tsx';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = `${browser.i18n.getMessage('optionsTitle')} · ${browser.i18n.getMessage('extensionName')}`;
const root = document.getElementById('options');
if (root) render(<OptionsApp />, root);

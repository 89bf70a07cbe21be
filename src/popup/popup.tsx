import { render } from 'preact';
import browser from 'webextension-polyfill';
import { PopupApp } from './PopupApp.tsx';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extensionName');
const root = document.getElementById('popup');
if (root) render(<PopupApp />, root);

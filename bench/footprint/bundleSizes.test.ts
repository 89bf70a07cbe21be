import { describe, expect, it } from 'vitest';
import { importedSpecifiers, pageAssets } from './bundleSizes.ts';

describe('importedSpecifiers', () => {
  it('finds the relative imports of a minified chunk, static and dynamic, each once', () => {
    const code =
      'import{_ as e}from"./messaging-D8.js";import{t as l}from"./i18n-Cp.js";import"./side-effect.js";' +
      'const x=()=>import("./lazy-9a.js");export{a}from"../shared-1.js";import{y}from"./messaging-D8.js";import z from"preact";';
    expect(importedSpecifiers(code).sort()).toEqual(['../shared-1.js', './i18n-Cp.js', './lazy-9a.js', './messaging-D8.js', './side-effect.js']);
  });
});

describe('pageAssets', () => {
  it('lists the entry script, the preloaded chunks and the stylesheet of the built popup', () => {
    const html = `<script type="module" crossorigin src="/assets/popup.html-Dh.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/messaging-D8.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-C8.css">`;
    expect(pageAssets(html)).toEqual(['assets/popup.html-Dh.js', 'assets/messaging-D8.js', 'assets/popup-C8.css']);
  });
});

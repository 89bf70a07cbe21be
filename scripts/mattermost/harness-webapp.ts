// Builds tests/harness-webapp into .mattermost/clients/stand-in/: a page the
// server can serve as root.html (for every page URL) and /static/ files in
// place of the real Mattermost webapp, on machines that have no build of it.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { harnessSourceDir } from './paths.ts';
import { webappDir } from './served-webapp.ts';

export async function buildHarnessWebapp(): Promise<void> {
  const outDir = webappDir('stand-in');
  await build({
    configFile: false,
    root: harnessSourceDir,
    publicDir: false,
    logLevel: 'warn',
    // Library mode leaves process.env.NODE_ENV alone, but the browser has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      // Mattermost's CSP allows same-origin scripts only, so the page loads one plain script file.
      lib: {
        entry: join(harnessSourceDir, 'harness.ts'),
        formats: ['iife'],
        name: 'companionHarness',
        fileName: () => 'harness.js',
      },
    },
  });
  await copyFile(join(harnessSourceDir, 'root.html'), join(outDir, 'root.html'));
}

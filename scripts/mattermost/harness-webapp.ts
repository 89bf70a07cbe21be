// Builds tests/harness-webapp into .mattermost/client/, the folder from which
// the server serves root.html (for every page URL) and /static/ files. It
// stands in for the real Mattermost webapp, which the test server does not have.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { harnessSourceDir, runtimePaths } from './paths.ts';

export async function buildHarnessWebapp(): Promise<void> {
  await build({
    configFile: false,
    root: harnessSourceDir,
    publicDir: false,
    logLevel: 'warn',
    // Library mode leaves process.env.NODE_ENV alone, but the browser has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: runtimePaths.client,
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
  await copyFile(join(harnessSourceDir, 'root.html'), join(runtimePaths.client, 'root.html'));
}

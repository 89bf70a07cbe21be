import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * `vite build` writes the store build to dist/chrome. `vite build --mode e2e`
 * writes dist/chrome-e2e for the end-to-end tests: the same extension, plus a
 * required host permission for the loopback test servers, because headless
 * Chromium cannot answer the permission prompt.
 */
/**
 * CRXJS lists dynamically registered scripts as web-accessible on every site.
 * `scripting` loads them without that, and exposing them would let any page
 * detect the extension, so the entry is dropped.
 */
function withoutWebAccessibleResources(): Plugin {
  return {
    name: 'companion:without-web-accessible-resources',
    apply: 'build',
    // CRXJS finishes the manifest while it writes the bundle, so edit the written file.
    async writeBundle(options) {
      const manifestPath = path.join(options.dir ?? 'dist', 'manifest.json');
      const built = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
      delete built.web_accessible_resources;
      await writeFile(manifestPath, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => {
  const forEndToEndTests = mode === 'e2e';
  const builtManifest: ManifestV3Export = forEndToEndTests
    ? { ...manifest, host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] }
    : manifest;
  return {
    build: {
      outDir: forEndToEndTests ? 'dist/chrome-e2e' : 'dist/chrome',
      emptyOutDir: true,
      target: 'chrome121',
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [crx({ manifest: builtManifest, browser: 'chrome' }), withoutWebAccessibleResources()],
  };
});

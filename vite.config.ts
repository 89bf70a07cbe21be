import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * One manifest, four builds, chosen by `--mode`:
 * - (default) dist/chrome and `firefox` dist/firefox: the store builds;
 * - `e2e` dist/chrome-e2e and `e2e-firefox` dist/firefox-e2e: the same
 *   extension plus a required host permission for the loopback test servers,
 *   because headless browsers cannot answer the permission prompt.
 */
type Browser = 'chrome' | 'firefox';

const geckoId = 'companion@companion-for-mattermost.org';

function manifestFor(browser: Browser, forEndToEndTests: boolean): ManifestV3Export {
  const { minimum_chrome_version: minimumChromeVersion, background, ...common } = manifest;
  const testHosts = forEndToEndTests ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {};
  if (browser === 'chrome') return { ...common, minimum_chrome_version: minimumChromeVersion, background, ...testHosts };
  return {
    ...common,
    ...testHosts,
    // Firefox runs the background as an event page, from `scripts`.
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: geckoId, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
    // CRXJS's manifest type predates data_collection_permissions and gecko_android.
  } as unknown as ManifestV3Export;
}

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
  const forEndToEndTests = mode.startsWith('e2e');
  const browser: Browser = mode.endsWith('firefox') ? 'firefox' : 'chrome';
  return {
    build: {
      outDir: `dist/${browser}${forEndToEndTests ? '-e2e' : ''}`,
      emptyOutDir: true,
      target: browser === 'chrome' ? 'chrome121' : 'firefox140',
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [crx({ manifest: manifestFor(browser, forEndToEndTests), browser }), withoutWebAccessibleResources()],
  };
});

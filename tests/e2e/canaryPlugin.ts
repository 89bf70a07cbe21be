import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client4 } from '../../scripts/mattermost/mattermost-client.ts';
import { server } from './mattermost.ts';

/**
 * A settings-only plugin with one setting marked secret, installed through
 * the server's real upload API, so the support packet test can check that a
 * secret plugin setting never leaves the browser.
 */
export const canaryPluginId = 'com.companion.canary';

export async function installCanaryPlugin(admin: Client4, secretValue: string): Promise<void> {
  const installed = (await admin.getPlugins()) as { active: Array<{ id: string }> };
  if (!installed.active.some((plugin) => plugin.id === canaryPluginId)) await uploadCanaryPlugin(admin);
  const enable = await fetch(`${server.url}/api/v4/plugins/${canaryPluginId}/enable`, { method: 'POST', headers: { Authorization: `Bearer ${admin.getToken()}` } });
  if (!enable.ok) throw new Error(`plugin enable failed: ${enable.status} ${await enable.text()}`);
  await admin.patchConfig({ PluginSettings: { Plugins: { [canaryPluginId]: { apitoken: secretValue, greeting: 'hello' } } } } as never);
}

async function uploadCanaryPlugin(admin: Client4): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'companion-canary-plugin-'));
  try {
    const manifest = {
      id: canaryPluginId,
      name: 'Companion canary',
      version: '1.0.0',
      min_server_version: '6.0.0',
      // A plugin needs a server or webapp part to start; an empty webapp part will do.
      webapp: { bundle_path: 'webapp/main.js' },
      settings_schema: {
        settings: [
          { key: 'ApiToken', display_name: 'API token', type: 'text', secret: true },
          { key: 'Greeting', display_name: 'Greeting', type: 'text' },
        ],
      },
    };
    await writeFile(path.join(dir, 'plugin.json'), JSON.stringify(manifest));
    await mkdir(path.join(dir, 'webapp'));
    await writeFile(path.join(dir, 'webapp', 'main.js'), `window.registerPlugin('${canaryPluginId}', { initialize() {} });\n`);
    const bundle = path.join(dir, 'canary.tar.gz');
    await promisify(execFile)('tar', ['-czf', bundle, '-C', dir, 'plugin.json', 'webapp']);

    const form = new FormData();
    form.append('plugin', new Blob([await readFile(bundle)]), 'canary.tar.gz');
    form.append('force', 'true');
    const upload = await fetch(`${server.url}/api/v4/plugins`, { method: 'POST', headers: { Authorization: `Bearer ${admin.getToken()}` }, body: form });
    if (!upload.ok) throw new Error(`plugin upload failed: ${upload.status} ${await upload.text()}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

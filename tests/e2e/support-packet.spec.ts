import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import type { Page } from '@playwright/test';
import { newTeamMember, requestJson, signedInClient } from './actors.ts';
import { canaryPluginId, installCanaryPlugin } from './canaryPlugin.ts';
import { openPopupFor, type ExtensionBrowser } from './extension.ts';
import { followExtensionRequests } from './extensionRequests.ts';
import { expect, test } from './fixtures.ts';
import { server, type SeededUser } from './mattermost.ts';
import { enableCompanion, openMattermostAs } from './workflows.ts';

/** Distinctive values put into every secret setting the test can set; none may appear in a packet. */
const canaries = {
  smtpPassword: 'canary-smtp-password-7f3a',
  s3SecretKey: 'canary-s3-secret-key-9b21',
  ldapBindPassword: 'canary-ldap-bind-password-44c0',
  gitlabSecret: 'canary-gitlab-oauth-secret-1d8e',
  openIdSecret: 'canary-openid-secret-5a7c',
  elasticsearchPassword: 'canary-elasticsearch-password-e2f9',
  publicLinkSalt: 'canarypubliclinksalt0123456789ab',
  pluginSecret: 'canary-plugin-secret-token-0c6d',
};

async function plantCanaries(): Promise<void> {
  const admin = await signedInClient(server.admin);
  await admin.patchConfig({
    EmailSettings: { SMTPPassword: canaries.smtpPassword },
    FileSettings: { AmazonS3SecretAccessKey: canaries.s3SecretKey, PublicLinkSalt: canaries.publicLinkSalt },
    LdapSettings: { BindPassword: canaries.ldapBindPassword },
    GitLabSettings: { Secret: canaries.gitlabSecret },
    OpenIdSettings: { Secret: canaries.openIdSecret },
    ElasticsearchSettings: { Password: canaries.elasticsearchPassword },
  } as never);
  await installCanaryPlugin(admin, canaries.pluginSecret);
}

/** Personal data where a packet picks it up: a person's mailbox in the configuration, their id in the log. */
async function plantPersonalData(): Promise<void> {
  const admin = await signedInClient(server.admin);
  await admin.patchConfig({ EmailSettings: { FeedbackEmail: server.users.alice.email } } as never);
}

interface Packet {
  readonly fileName: string;
  readonly files: Map<string, string>;
}

/**
 * Where packets are kept for the check by Mattermost's own code
 * (mattermost-server/packetcheck, run by scripts/test.sh after these tests).
 */
const packetCheckDir = 'test-results/support-packets';

/** Generates a packet through the popup, saves it, and reads the downloaded zip back; `keepAs` keeps a copy for the Go check. */
async function generatePacket(browser: ExtensionBrowser, popup: Page, options: { redact: boolean; keepAs?: string }): Promise<Packet> {
  const redact = popup.getByRole('checkbox', { name: 'Redact personal data' });
  await expect(redact).toBeChecked();
  if (!options.redact) await redact.uncheck();
  await popup.getByRole('button', { name: 'Generate support packet' }).click();
  await expect(popup.getByRole('button', { name: 'Save packet' })).toBeVisible({ timeout: 60_000 });
  // The file list is folded away; what is left out is not.
  await popup.getByText(/^The \d+ files in the packet$/).click();
  await expect(popup.getByRole('table', { name: 'Files in the packet' })).toContainText('metadata.yaml');

  await popup.getByRole('button', { name: 'Save packet' }).click();
  const savedNotice = popup.getByText(/Saved to your downloads as mm_support_packet_/);
  await expect(savedNotice).toBeVisible();
  // Playwright stores downloads under generated names; the name the extension chose is in the popup.
  const fileName = ((await savedNotice.textContent()) ?? '').replace(/^.* as /, '').replace(/\.$/, '');
  const saved = await completedDownload(browser);
  if (options.keepAs) {
    await mkdir(packetCheckDir, { recursive: true });
    await copyFile(saved.path, `${packetCheckDir}/${options.keepAs}.zip`);
  }
  const zip = await JSZip.loadAsync(await readFile(saved.path));
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('string'));
  return { fileName, files };
}

/** The browser's newest download, once complete: the extension saves through the downloads API, not a page. */
async function completedDownload(browser: ExtensionBrowser): Promise<{ path: string }> {
  let found: { path: string; state: string } | undefined;
  await expect
    .poll(async () => {
      found = await browser.serviceWorker.evaluate(async () => {
        const [newest] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
        return newest ? { path: newest.filename, state: newest.state } : undefined;
      });
      return found?.state;
    })
    .toBe('complete');
  return { path: found?.path ?? '' };
}

function everything(packet: Packet): string {
  return [...packet.files.values()].join('\n');
}

test('an admin generates a native-compatible packet without secrets and without personal data', async ({ newBrowser }) => {
  await plantCanaries();
  await plantPersonalData();
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, server.admin as SeededUser, 'alice'));
  // One line says what is wrong; how to mend it unfolds.
  await expect(popup.getByRole('note')).toContainText('File log at INFO: too little for support');
  await popup.getByRole('note').getByText('too little for support').click();
  await expect(popup.getByRole('note').getByText(/set System Console › Environment › Logging \(LogSettings\.FileLevel\) to DEBUG/)).toBeVisible();

  const packet = await generatePacket(browser, popup, { redact: true, keepAs: 'admin' });

  expect(packet.fileName).toMatch(/^mm_support_packet_127\.0\.0\.1-\d+_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d_[a-z0-9]{4}\.zip$/);
  for (const name of ['metadata.yaml', 'diagnostics.yaml', 'stats.yaml', 'jobs.yaml', 'permissions.yaml', 'plugins.json', 'sanitized_config.json', 'mattermost.log', 'warning.txt']) {
    expect([...packet.files.keys()], name).toContain(name);
  }
  for (const [name, content] of packet.files) {
    if (name.endsWith('.yaml')) expect(() => parseYaml(content), name).not.toThrow();
    if (name.endsWith('.json')) expect(() => JSON.parse(content), name).not.toThrow();
  }

  const metadata = parseYaml(packet.files.get('metadata.yaml') ?? '') as Record<string, unknown>;
  expect(metadata).toMatchObject({ version: 1, type: 'support-packet' });
  expect(server.versionId.startsWith(`${String(metadata.server_version)}.`)).toBe(true);
  expect(packet.files.get('sanitized_config.json')).toMatch(/^\{\n {4}"/);

  const admin = await signedInClient(server.admin);
  const analytics = await requestJson<Array<{ name: string; value: number }>>(admin, 'GET', '/analytics/old?name=standard');
  const stats = parseYaml(packet.files.get('stats.yaml') ?? '') as Record<string, number>;
  const analyticsValue = (name: string) => analytics.find((row) => row.name === name)?.value;
  expect(stats.active_users).toBe(analyticsValue('unique_user_count'));
  expect(stats.daily_active_users).toBe(analyticsValue('daily_active_users'));
  expect(stats.monthly_active_users).toBe(analyticsValue('monthly_active_users'));
  expect(stats.posts).toBe(analyticsValue('post_count'));
  expect(stats.channels).toBe((analyticsValue('channel_open_count') ?? 0) + (analyticsValue('channel_private_count') ?? 0));

  const plugins = JSON.parse(packet.files.get('plugins.json') ?? '{}') as { enabled: Array<{ id: string }> };
  expect(plugins.enabled.map((plugin) => plugin.id)).toContain(canaryPluginId);

  const text = everything(packet);
  for (const [setting, canary] of Object.entries(canaries)) expect(text.includes(canary), setting).toBe(false);
  expect(text).not.toContain(server.users.alice.email);
  expect(text).not.toContain(server.admin.email);
  expect(packet.files.get('mattermost.log')).not.toContain(server.admin.id);
});

test('an endpoint that fails leaves a packet of everything else, and warning.txt says what is missing', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, server.admin as SeededUser, 'bob');
  const popup = await enableCompanion(browser, tab);
  // A failure injected in the browser's network: the server itself has no way to fail this one call on demand.
  await browser.context.route('**/api/v4/jobs/type/data_retention?*', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ id: 'injected', message: 'Jobs are unavailable', status_code: 503 }) }),
  );

  const packet = await generatePacket(browser, popup, { redact: true });
  expect(packet.files.get('warning.txt')).toMatch(/data_retention_jobs: \/api\/v4\/jobs\/type\/data_retention\?\S* answered 503/);
  expect(parseYaml(packet.files.get('jobs.yaml') ?? '')).toMatchObject({ data_retention_jobs: [] });
  expect(packet.files.has('stats.yaml')).toBe(true);
  await expect(popup.getByRole('list').filter({ hasText: '/api/v4/jobs/type/data_retention' })).toBeVisible();
});

test('a read-only system admin gets a packet; a regular user gets a plain refusal and no failing requests', async ({ newBrowser }) => {
  const admin = await signedInClient(server.admin);
  const auditor = await newTeamMember('Rory');
  // The API refuses this role without an Enterprise licence; the role itself exists and the
  // server enforces its permissions, so the test grants it in the database before the first login.
  await promisify(execFile)('psql', [server.database.dsn, '-c', `UPDATE users SET roles = 'system_user system_read_only_admin' WHERE id = '${auditor.user.id}'`]);
  await requestJson(admin, 'POST', '/caches/invalidate');

  const auditorsBrowser = await newBrowser();
  const auditorPopup = await enableCompanion(auditorsBrowser, await openMattermostAs(auditorsBrowser, auditor.user, 'alice'));
  const packet = await generatePacket(auditorsBrowser, auditorPopup, { redact: true, keepAs: 'read-only-admin' });
  expect(packet.files.has('metadata.yaml')).toBe(true);
  expect(packet.files.get('warning.txt')).toMatch(/sanitized_config\.json: \d+ settings are hidden from your role and written as null/);
  const permissions = parseYaml(packet.files.get('permissions.yaml') ?? '') as { roles: Array<{ name: string }> };
  expect(permissions.roles.map((role) => role.name)).toEqual(expect.arrayContaining(['system_admin', 'system_user', 'channel_user']));
  expect(everything(packet)).not.toContain(auditor.user.email);

  const regular = await newTeamMember('Sam');
  const regularBrowser = await newBrowser();
  const tab = await openMattermostAs(regularBrowser, regular.user, 'alice');
  // Only the extension's requests: Mattermost's webapp has refusals of its own (a trial licence it may not read).
  const extensionRequests = await followExtensionRequests(tab);
  const regularPopup = await enableCompanion(regularBrowser, tab);
  await expect(regularPopup.getByText('Support packets need access to the System Console')).toBeVisible();
  await expect(regularPopup.getByRole('button', { name: 'Generate support packet' })).toHaveCount(0);
  expect(extensionRequests.statuses().length).toBeGreaterThan(0);
  expect(extensionRequests.statuses().filter((status) => status >= 400)).toEqual([]);
});

test('without redaction the packet keeps personal data, and still no secret', async ({ newBrowser }) => {
  await plantCanaries();
  await plantPersonalData();
  const browser = await newBrowser();
  const popup = await enableCompanion(browser, await openMattermostAs(browser, server.admin as SeededUser, 'carol'));
  const packet = await generatePacket(browser, popup, { redact: false });

  expect(packet.files.get('sanitized_config.json')).toContain(server.users.alice.email);
  expect(packet.files.get('mattermost.log')).toContain(server.admin.id);
  const metadata = parseYaml(packet.files.get('metadata.yaml') ?? '') as { extras?: Record<string, unknown> };
  expect(metadata.extras).toMatchObject({ redaction: 'none' });
  const text = everything(packet);
  for (const [setting, canary] of Object.entries(canaries)) expect(text.includes(canary), setting).toBe(false);
});

test('closing the popup mid-way loses nothing: reopened, it shows the packet, which can still be saved', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, server.admin as SeededUser, 'bob');
  const popup = await enableCompanion(browser, tab);
  await popup.getByRole('button', { name: 'Generate support packet' }).click();
  await expect(popup.getByRole('progressbar', { name: 'Support packet progress' })).toBeVisible();
  await popup.close();

  const reopened = await openPopupFor(browser, tab);
  await expect(reopened.getByRole('button', { name: 'Save packet' })).toBeVisible({ timeout: 60_000 });
  await reopened.getByRole('button', { name: 'Save packet' }).click();
  await expect(reopened.getByText(/Saved to your downloads as mm_support_packet_/)).toBeVisible();
  expect((await completedDownload(browser)).path).not.toBe('');
});

test('Cancel stops the packet and nothing is saved', async ({ newBrowser }) => {
  const browser = await newBrowser();
  const tab = await openMattermostAs(browser, server.admin as SeededUser, 'carol');
  const popup = await enableCompanion(browser, tab);
  // Slow the server's answers down enough to press Cancel while collecting.
  await browser.context.route('**/api/v4/roles', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue();
  });
  await popup.getByRole('button', { name: 'Generate support packet' }).click();
  await expect(popup.getByRole('progressbar', { name: 'Support packet progress' })).toBeVisible();
  await popup.getByRole('button', { name: 'Cancel' }).click();

  await expect(popup.getByText('Cancelled. Nothing was saved.')).toBeVisible({ timeout: 15_000 });
  expect(await browser.serviceWorker.evaluate(async () => (await chrome.downloads.search({})).length)).toBe(0);
});

test('a webhook id the server logged at DEBUG is not in the packet, even without redaction', async ({ newBrowser }) => {
  const admin = await signedInClient(server.admin);
  const townSquare = await requestJson<{ id: string }>(admin, 'GET', `/teams/${server.team.id}/channels/name/town-square`);
  const hook = await requestJson<{ id: string }>(admin, 'POST', '/hooks/incoming', { channel_id: townSquare.id, display_name: 'Packet scrub check' });
  await admin.patchConfig({ LogSettings: { FileLevel: 'DEBUG' } } as never);
  try {
    const posted = await fetch(`${server.url}/hooks/${hook.id}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'scrub check' }) });
    expect(posted.status).toBe(200);
    const browser = await newBrowser();
    const popup = await enableCompanion(browser, await openMattermostAs(browser, server.admin as SeededUser, 'alice'));
    const packet = await generatePacket(browser, popup, { redact: false });

    const log = packet.files.get('mattermost.log') ?? '';
    expect(log).toContain('/hooks/[scrubbed]');
    expect(everything(packet)).not.toContain(hook.id);
  } finally {
    await admin.patchConfig({ LogSettings: { FileLevel: 'INFO' } } as never);
  }
});

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { directChannelId, newTeamMember, waitForAutoReplies } from './actors.ts';
import { launchFirefoxWithExtension, openFirefoxOptions, openFirefoxPopupFor, waitForText, type FirefoxWithExtension } from './firefoxExtension.ts';
import { expect, test } from './fixtures.ts';
import { directMessageUrl, server } from './mattermost.ts';

let firefox: FirefoxWithExtension | undefined;

test.afterEach(async () => {
  await firefox?.close();
  firefox = undefined;
});

test('in Firefox ESR: enable from the popup, set the reply on the options page, auto-reply to a direct message, save a support packet', async () => {
  test.setTimeout(180_000);
  firefox = await launchFirefoxWithExtension();
  const tab = await firefox.browser.newPage();
  await tab.goto(`${server.url}/login`);
  const login = await tab.evaluate(
    async (account) =>
      (
        await fetch('/api/v4/users/login', {
          method: 'POST',
          headers: { 'X-Requested-With': 'XMLHttpRequest' },
          body: JSON.stringify({ login_id: account.username, password: account.password }),
        })
      ).status,
    { username: server.admin.username, password: server.admin.password },
  );
  expect(login).toBe(200);
  await tab.goto(directMessageUrl('alice'));
  await waitForText(tab, 'connected');

  const popup = await openFirefoxPopupFor(firefox, server.url);
  await waitForText(popup, 'Mattermost server found at');
  await popup.locator('::-p-text(Enable on this workspace)').click();
  await waitForText(popup, `Running in this tab as @${server.admin.username}.`);

  // As on every later page load, the page-world observer is then in place before the webapp's socket opens.
  await tab.reload();
  await waitForText(tab, 'connected');
  // BiDi never reports a moz-extension:// page as loaded, so the reload is not awaited.
  await popup.evaluate(() => location.reload());
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await waitForText(popup, 'Auto-reply');
  await popup.locator('button[role="switch"]').click();
  await waitForText(popup, 'On: answering');

  // The options page changes the reply message: the open popup and the running tab take it at once.
  const options = await openFirefoxOptions(firefox);
  const chosen = await options
    .waitForFunction(() => document.querySelector('select')?.selectedOptions[0]?.textContent ?? '', { timeout: 15_000 })
    .then(async (handle) => String(await handle.jsonValue()))
    .catch(async () => `nothing chosen; the page says: ${await options.evaluate(() => document.body.innerText)}`);
  expect(chosen).toContain(`@${server.admin.username}`);
  const message = 'Answered from Firefox, set on the options page';
  await options.locator('textarea').fill(message);
  await waitForText(options, 'Saved. Open tabs use the new settings at once.');
  await popup.waitForFunction((expected) => document.querySelector('textarea')?.value === expected, { timeout: 15_000 }, message);

  const sender = await newTeamMember('Uma');
  const conversation = await directChannelId(sender.client, server.admin.id);
  const sent = Date.now();
  await sender.client.createPost({ channel_id: conversation, message: 'Hello from a Firefox test' });
  const [reply] = await waitForAutoReplies(sender.client, conversation, sent);
  expect(reply?.user_id).toBe(server.admin.id);
  expect(reply?.message).toBe(message);

  // The options page came to the front: a click waits for animation frames, which a background tab does not get.
  await popup.bringToFront();
  await popup.locator('::-p-text(Generate support packet)').click();
  // The packet is made in the Mattermost tab, in front as it is while a real popup is open (Firefox ESR 153 holds back a
  // background tab's turns); the popup, now behind, is asked on a timer rather than on animation frames.
  await tab.bringToFront();
  await waitForText(popup, 'Save packet', 120_000, 1_000);
  await popup.bringToFront();
  await popup.locator('::-p-text(Save packet)').click();
  await waitForText(popup, 'Saved to your downloads as mm_support_packet_');

  const downloadDir = firefox.downloadDir;
  let saved: string | undefined;
  // The name shows before the bytes are written: the file is read once it has some and they stop changing.
  let lastSize = -1;
  await expect
    .poll(async () => {
      saved = (await readdir(downloadDir)).find((name) => /^mm_support_packet_.*\.zip$/.test(name));
      const size = saved ? (await stat(path.join(downloadDir, saved))).size : 0;
      const settled = size > 0 && size === lastSize;
      lastSize = size;
      return settled;
    })
    .toBe(true);
  // Every entry read back with its CRC checked: the browser's own deflate or the JavaScript one, whichever Firefox used.
  const zip = await JSZip.loadAsync(await readFile(path.join(downloadDir, saved ?? '')), { checkCRC32: true });
  for (const entry of Object.values(zip.files)) if (!entry.dir) await entry.async('uint8array');
  expect(Object.keys(zip.files).some((name) => name.endsWith('mattermost.log'))).toBe(true);
  const metadata = parseYaml((await zip.file('metadata.yaml')?.async('string')) ?? '') as Record<string, unknown>;
  expect(metadata).toMatchObject({ version: 1, type: 'support-packet' });
  expect(String((metadata.extras as Record<string, unknown>).browser)).toContain('Firefox');
});

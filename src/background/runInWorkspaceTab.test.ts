import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The tab's address, and what each executeScript call was asked to run; `running` is the flag's value in the tab. */
const tab = { url: 'https://chat.example.com/team/messages/@bob', running: false };
const runs: string[] = [];

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { get: (tabId: number) => Promise.resolve({ id: tabId, url: tab.url }) },
    scripting: {
      executeScript(injection: { files?: string[]; func?: (flag: string) => boolean; args?: [string] }) {
        if (injection.files) {
          runs.push(...injection.files);
          tab.running = true;
          return Promise.resolve([{ result: undefined }]);
        }
        runs.push('flag check');
        return Promise.resolve([{ result: tab.running }]);
      },
    },
  },
}));
vi.mock('../shared/enabledWorkspaces.ts', () => ({
  readEnabledWorkspaces: () => Promise.resolve([{ origin: 'https://chat.example.com', basePath: '' }]),
}));

const { runInWorkspaceTab } = await import('./runInWorkspaceTab.ts');
const packetScript = { file: 'src/content/supportPacket/packetScript.js', runningFlag: 'companionForMattermostPacketScript' };

describe('running a script in a workspace tab on demand', () => {
  beforeEach(() => {
    runs.length = 0;
    tab.running = false;
    tab.url = 'https://chat.example.com/team/messages/@bob';
  });

  it('runs it once per page, however often it is asked', async () => {
    await runInWorkspaceTab(7, packetScript);
    await runInWorkspaceTab(7, packetScript);
    expect(runs).toEqual(['flag check', packetScript.file, 'flag check']);
  });

  it('refuses a tab that is not on an enabled workspace, running nothing there', async () => {
    tab.url = 'https://mail.example.com/inbox';
    await expect(runInWorkspaceTab(7, packetScript)).rejects.toMatchObject({ messageKey: 'tabNotEnabledWorkspace' });
    expect(runs).toEqual([]);
  });
});

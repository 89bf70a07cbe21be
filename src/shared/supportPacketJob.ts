import browser from 'webextension-polyfill';
import { parsePacketHistory, withFinishedJob, type PacketHistoryEntry } from './supportPacketHistory.ts';
import { workspaceUrl, type Workspace } from './workspace.ts';

/**
 * Where a support packet stands, kept in storage so that a popup opened
 * again (or for the first time) mid-way shows what happened.
 */
export type PacketJobState =
  | { readonly state: 'running'; readonly step: string; readonly progress: number; readonly startedAt: number }
  | {
      readonly state: 'ready' | 'saved';
      readonly startedAt: number;
      readonly finishedAt: number;
      readonly fileName: string;
      readonly sizeBytes: number;
      readonly files: ReadonlyArray<{ readonly path: string; readonly sizeBytes: number }>;
      readonly warnings: readonly string[];
      /** The warnings that are sources failing this time; absent in states stored by earlier versions. */
      readonly failures?: readonly string[];
      /** Why Mattermost's own tools would refuse the packet's metadata.yaml, shown before saving. */
      readonly metadataProblem?: string;
      readonly redactPersonalData: boolean;
    }
  | { readonly state: 'failed'; readonly startedAt: number; readonly finishedAt: number; readonly error: string }
  | { readonly state: 'cancelled'; readonly startedAt: number; readonly finishedAt: number };

const storageKey = (workspace: Workspace) => `supportPacket:${workspaceUrl(workspace)}`;

export async function readPacketJob(workspace: Workspace): Promise<PacketJobState | undefined> {
  const key = storageKey(workspace);
  return (await browser.storage.local.get(key))[key] as PacketJobState | undefined;
}

const historyKey = (workspace: Workspace) => `supportPacketHistory:${workspaceUrl(workspace)}`;

/** A finished job also goes into the workspace's packet history, in the same write. */
export async function writePacketJob(workspace: Workspace, job: PacketJobState): Promise<void> {
  if (job.state === 'running') {
    await browser.storage.local.set({ [storageKey(workspace)]: job });
    return;
  }
  const key = historyKey(workspace);
  const history = parsePacketHistory((await browser.storage.local.get(key))[key]);
  await browser.storage.local.set({ [storageKey(workspace)]: job, [key]: withFinishedJob(history, job) });
}

export async function readPacketHistory(workspace: Workspace): Promise<PacketHistoryEntry[]> {
  const key = historyKey(workspace);
  return parsePacketHistory((await browser.storage.local.get(key))[key]);
}

export function onPacketHistoryChanged(workspace: Workspace, listener: () => void): () => void {
  const key = historyKey(workspace);
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export function onPacketJobChanged(workspace: Workspace, listener: (job: PacketJobState | undefined) => void): () => void {
  const key = storageKey(workspace);
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && key in changes) listener(changes[key]?.newValue as PacketJobState | undefined);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

import JSZip from 'jszip';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../shared/messaging.ts';
import { supportPacketInSlices, type PacketFile } from '../../shared/supportPacket/packetLayout.ts';
import { runWithBreaks } from '../../shared/supportPacket/slicedWork.ts';
import { writePacketJob, type PacketJobState } from '../../shared/supportPacketJob.ts';
import { workspaceLabel, workspaceUrl, type Workspace } from '../../shared/workspace.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { breakForTheTab } from './breakForTheTab.ts';
import { collectPacketData, collectionSteps } from './collectPacketData.ts';
import { randomSuffix, supportPacketFileName } from './packetFileName.ts';

/** Collecting is most of the wait; assembling and zipping share the rest of the bar. */
const collectingShare = 0.7;

export interface PacketJobs {
  start(options: { redactPersonalData: boolean; websocketReachable: boolean | undefined }): void;
  cancel(): void;
  save(): Promise<string>;
  /** A finished packet waits in this tab to be saved. */
  holdsPacket(): boolean;
}

/**
 * One support packet at a time for the tab's workspace. The work runs here in
 * the tab, so closing the popup does not stop it; its state is stored so the
 * popup, opened again, shows progress or the finished packet. The zip is
 * written to the downloads only whole, when the user saves it.
 */
export function createPacketJobs(workspace: Workspace, api: MattermostApi): PacketJobs {
  let running: AbortController | undefined;
  let finished: { zip: Blob; fileName: string; job: Extract<PacketJobState, { state: 'ready' | 'saved' }> } | undefined;

  async function run(controller: AbortController, options: { redactPersonalData: boolean; websocketReachable: boolean | undefined }) {
    const startedAt = Date.now();
    const report = (step: string, progress: number) => writePacketJob(workspace, { state: 'running', step, progress, startedAt });
    try {
      await report('server', 0);
      const data = await collectPacketData({
        api,
        serverUrl: workspaceUrl(workspace),
        extensionVersion: browser.runtime.getManifest().version,
        websocketReachable: options.websocketReachable,
        signal: controller.signal,
        onStep: (step) => void report(step, (collectionSteps.indexOf(step) / collectionSteps.length) * collectingShare),
      });
      controller.signal.throwIfAborted();

      await report('assembling', collectingShare);
      const takeBreak = breakForTheTab(controller.signal);
      const packet = await runWithBreaks(
        supportPacketInSlices(data, {
          redactPersonalData: options.redactPersonalData,
          generatorName: browser.runtime.getManifest().name,
          generatorVersion: browser.runtime.getManifest().version,
        }),
        takeBreak,
      );

      const zip = new JSZip();
      const sizes: Array<{ path: string; sizeBytes: number }> = [];
      for (const file of packet.files) {
        const content = await fileBlob(file, takeBreak);
        zip.file(file.path, content);
        sizes.push({ path: file.path, sizeBytes: content.size });
      }
      let lastReported = 0;
      const blob = await zip.generateAsync({ type: 'blob', compression: 'DEFLATE', compressionOptions: { level: 6 } }, (metadata) => {
        if (controller.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (metadata.percent - lastReported >= 5) {
          lastReported = metadata.percent;
          void report('compressing', collectingShare + (metadata.percent / 100) * (1 - collectingShare));
        }
      });
      controller.signal.throwIfAborted();

      const fileName = supportPacketFileName(workspaceLabel(workspace), new Date(), randomSuffix());
      const job = {
        state: 'ready',
        startedAt,
        finishedAt: Date.now(),
        fileName,
        sizeBytes: blob.size,
        files: sizes,
        warnings: packet.warnings,
        ...(packet.metadataProblem ? { metadataProblem: packet.metadataProblem } : {}),
        redactPersonalData: options.redactPersonalData,
      } as const;
      finished = { zip: blob, fileName, job };
      await writePacketJob(workspace, job);
    } catch (error) {
      const finishedAt = Date.now();
      if (controller.signal.aborted) await writePacketJob(workspace, { state: 'cancelled', startedAt, finishedAt });
      else await writePacketJob(workspace, { state: 'failed', startedAt, finishedAt, error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running === controller) running = undefined;
    }
  }

  return {
    start(options) {
      running?.abort();
      finished = undefined;
      const controller = new AbortController();
      running = controller;
      void run(controller, options);
    },
    cancel() {
      running?.abort();
    },
    holdsPacket: () => finished !== undefined,
    async save() {
      if (!finished) throw new Error('There is no finished packet in this tab any more: generate it again.');
      const url = await blobAsDataUrl(finished.zip);
      await sendToBackground('downloadFile', { url, fileName: finished.fileName });
      await writePacketJob(workspace, { ...finished.job, state: 'saved' });
      return finished.fileName;
    },
  };
}

/** A file's text as a Blob, one part at a time with a break after each: encoding a 100 MB log at once would freeze the tab. */
async function fileBlob(file: PacketFile, takeBreak: () => Promise<void>): Promise<Blob> {
  const blobs: Blob[] = [];
  for (const part of file.parts) {
    blobs.push(new Blob([part], { type: 'text/plain' }));
    if (file.parts.length > 1) await takeBreak();
  }
  return new Blob(blobs, { type: 'text/plain' });
}

function blobAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the packet'));
    reader.readAsDataURL(blob);
  });
}

import browser from 'webextension-polyfill';
import { sendToBackground } from '../../shared/messaging.ts';
import { supportPacketInSlices } from '../../shared/supportPacket/packetLayout.ts';
import { runWithBreaks } from '../../shared/supportPacket/slicedWork.ts';
import { writePacketJob, type PacketJobState } from '../../shared/supportPacketJob.ts';
import { workspaceLabel, workspaceUrl, type Workspace } from '../../shared/workspace.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { breakForTheTab } from './breakForTheTab.ts';
import { collectPacketData, collectionSteps } from './collectPacketData.ts';
import { randomSuffix, supportPacketFileName } from './packetFileName.ts';
import { zipPacket, type ZippedPacket } from './zipPacket.ts';

/** Collecting is most of the wait; assembling and zipping share the rest of the bar. */
const collectingShare = 0.5;
const assembledShare = 0.8;

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
      const packet = await collectAndZip(controller.signal, options.websocketReachable, options.redactPersonalData, report);
      controller.signal.throwIfAborted();
      const blob = packet.zip;

      const fileName = supportPacketFileName(workspaceLabel(workspace), new Date(), randomSuffix());
      const job = {
        state: 'ready',
        startedAt,
        finishedAt: Date.now(),
        fileName,
        sizeBytes: blob.size,
        files: packet.sizes,
        warnings: packet.warnings,
        failures: packet.failures,
        ...(packet.metadataProblem ? { metadataProblem: packet.metadataProblem } : {}),
        redactPersonalData: options.redactPersonalData,
      } as const;
      finished = { zip: blob, fileName, job };
      await writePacketJob(workspace, job);
    } catch (error) {
      const finishedAt = Date.now();
      // Superseded by a new packet: that one's state is the one to show.
      if (controller.signal.aborted && running === controller) await writePacketJob(workspace, { state: 'cancelled', startedAt, finishedAt });
      else if (!controller.signal.aborted) await writePacketJob(workspace, { state: 'failed', startedAt, finishedAt, error: error instanceof Error ? error.message : String(error) });
    } finally {
      // Whatever is still under way for this packet (the log download, when something else failed) stops.
      controller.abort();
      if (running === controller) running = undefined;
    }
  }

  /**
   * The zipped packet, with its warnings. The collected answers and the
   * files' text (a 100 MB log, line by line) stay inside: once this returns
   * they are garbage, and only the zip is kept.
   */
  async function collectAndZip(
    signal: AbortSignal,
    websocketReachable: boolean | undefined,
    redactPersonalData: boolean,
    report: (step: string, progress: number) => Promise<void>,
  ): Promise<ZippedPacket & { warnings: readonly string[]; failures: readonly string[]; metadataProblem: string | undefined }> {
    const data = await collectPacketData({
      api,
      serverUrl: workspaceUrl(workspace),
      extensionVersion: browser.runtime.getManifest().version,
      websocketReachable,
      signal,
      onStep: (step) => void report(step, (collectionSteps.indexOf(step) / collectionSteps.length) * collectingShare),
    });
    signal.throwIfAborted();

    await report('assembling', collectingShare);
    const takeBreak = breakForTheTab(signal);
    const manifest = browser.runtime.getManifest();
    const packet = await runWithBreaks(
      supportPacketInSlices(data, { redactPersonalData, generatorName: manifest.name, generatorVersion: manifest.version }),
      takeBreak,
    );
    await report('compressing', assembledShare);
    const zipped = await zipPacket(packet.files, takeBreak, (share) => void report('compressing', assembledShare + share * (1 - assembledShare)));
    return { ...zipped, warnings: packet.warnings, failures: packet.failures, metadataProblem: packet.metadataProblem };
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

function blobAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the packet'));
    reader.readAsDataURL(blob);
  });
}

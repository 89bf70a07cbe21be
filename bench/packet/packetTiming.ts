// Figure 3: generating a support packet in the popup against a server log of
// the largest size the server keeps in one file (just under the 100 MiB at
// which it rotates mattermost.log), compared with the time the
// same browser takes merely to download the REST responses the packet is made
// of; the tab's longest task and peak heap say whether it stayed usable.
import type { SeededUser } from '../../tests/e2e/mattermost.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { enableCompanion, openMattermostAs } from '../../tests/e2e/workflows.ts';
import { newExtensionBrowser } from '../actors/companionInTab.ts';
import { comparison, figure, type Figure } from '../report/figure.ts';
import { maximum, median } from '../report/stats.ts';
import { generatePacketInPopup, type GeneratedPacket } from './generateInPopup.ts';
import { downloadPacketSources, type Downloaded } from './restBaseline.ts';
import { fillServerLog, type FilledLog } from './serverLog.ts';

export interface PacketOptions {
  /** The server log's size while measuring, as a share of the size at which the server rotates it. */
  readonly shareOfRotationSize: number;
  /** Packets generated per redaction setting, and REST downloads, taken in turns. */
  readonly runs: number;
}

const section = 'Support packet';
const generationTimeoutMs = 300_000;

export async function measurePacket(options: PacketOptions): Promise<Figure[]> {
  const log = await fillServerLog(options.shareOfRotationSize);
  const browser = await newExtensionBrowser();
  try {
    const tab = await openMattermostAs(browser, server.admin as SeededUser, server.users.alice.username);
    const popup = await enableCompanion(browser, tab);
    const downloads: Downloaded[] = [];
    const packets: Record<'redacted' | 'plain', GeneratedPacket[]> = { redacted: [], plain: [] };
    for (let run = 0; run < options.runs; run += 1) {
      console.log(`  run ${run + 1} of ${options.runs}: REST downloads, packet with and without redaction…`);
      downloads.push(await downloadPacketSources(tab));
      packets.redacted.push(await generatePacketInPopup(browser, popup, tab, { redact: true, timeoutMs: generationTimeoutMs }));
      packets.plain.push(await generatePacketInPopup(browser, popup, tab, { redact: false, timeoutMs: generationTimeoutMs }));
    }
    return packetFigures(log, downloads, packets, options);
  } finally {
    await browser.dispose();
  }
}

function packetFigures(log: FilledLog, downloads: Downloaded[], packets: Record<'redacted' | 'plain', GeneratedPacket[]>, options: PacketOptions): Figure[] {
  const restMs = median(downloads.map((download) => download.ms)) ?? null;
  const refused = [...new Set(downloads.flatMap((download) => download.refused))];
  const baseline = { name: 'downloading the same REST responses', value: restMs };
  const all = [...packets.redacted, ...packets.plain];
  const medianOf = (list: GeneratedPacket[], pick: (packet: GeneratedPacket) => number) => median(list.map(pick)) ?? null;
  return [
    figure(
      section,
      'server log size',
      'MiB',
      log.bytes / 1024 / 1024,
      `Written by the server: file logging set to DEBUG (a line per API request) and requests made until the file was big enough, then the level put back; ` +
        `the server rotates the file at ${log.rotationMiB} MiB` +
        (log.rotations > 0 ? `, which it did ${log.rotations} time(s) while filling.` : '.'),
    ),
    comparison(
      section,
      'generate, personal data redacted (click → "Save packet")',
      'ms',
      medianOf(packets.redacted, (packet) => packet.ms),
      baseline,
      `Median of ${options.runs} run(s) each. The REST side fetches the extension’s calls one after the other from a page of the server’s origin` +
        (refused.length > 0 ? `; answered with errors: ${refused.join(', ')}` : '') +
        '.',
    ),
    comparison(section, 'generate, personal data kept', 'ms', medianOf(packets.plain, (packet) => packet.ms), baseline),
    figure(section, 'REST responses downloaded', 'KiB', (median(downloads.map((download) => download.bytes)) ?? 0) / 1024),
    figure(
      section,
      'longest main-thread task in the popup while generating',
      'ms',
      maximum(all.map((packet) => packet.popupLongestTaskMs)) ?? null,
      'Long Tasks API (tasks of 50 ms and more; 0 means none), highest over all runs.',
    ),
    figure(
      section,
      'longest main-thread task in the Mattermost tab while generating',
      'ms',
      maximum(all.map((packet) => packet.tabLongestTaskMs)) ?? null,
      'The packet is collected, redacted and zipped in the tab.',
    ),
    figure(
      section,
      'longest main-thread task in the Mattermost tab, CPU time',
      'ms',
      maximum(all.map((packet) => packet.tabLongestTask.cpuMs)) ?? null,
      `From a DevTools trace of the tab's renderer (RunTask on its main thread), highest over all runs; that task took ` +
        `${Math.round(all.reduce((worst, packet) => (packet.tabLongestTask.cpuMs > worst.cpuMs ? packet.tabLongestTask : worst), { cpuMs: 0, wallMs: 0 }).wallMs)} ms of wall time. ` +
        'On a loaded machine the Long Tasks figure above also counts time spent waiting for a core.',
    ),
    figure(
      section,
      'peak JavaScript heap of the Mattermost tab while generating',
      'MiB',
      (maximum(all.map((packet) => packet.tabPeakHeapBytes)) ?? 0) / 1024 / 1024,
      'JSHeapUsedSize over DevTools every 100 ms, page and extension together (one V8 isolate); highest over all runs.',
    ),
    figure(section, 'packet size, redacted', 'KiB', (medianOf(packets.redacted, (packet) => packet.bytes) ?? 0) / 1024, packets.redacted[0]?.fileName),
    figure(section, 'packet size, personal data kept', 'KiB', (medianOf(packets.plain, (packet) => packet.bytes) ?? 0) / 1024),
  ];
}

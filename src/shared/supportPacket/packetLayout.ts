import { nodeFolder, splitLogByNode, type ClusterNode, type NodeLogs } from './clusterLayout.ts';
import { valueOf, type Collected, type CollectedData, type PacketOptions } from './collectedData.ts';
import { companionValues } from './companionFiles.ts';
import { advancedLogFilesWarning, hiddenSettingsWarning } from './configWarnings.ts';
import { scrubCredentials } from './credentialScrubbing.ts';
import { diagnosticsFile } from './diagnosticsFile.ts';
import type { Drafted } from './drafted.ts';
import { jobFailures, jobsFile, nativeJobGroups } from './jobsFile.ts';
import { objectAt } from './jsonValues.ts';
import { legacyJobGroups, legacySupportPacketFile } from './legacySupportPacket.ts';
import { describeLogLevelAdvice, logLevelAdvice } from './logLevelAdvice.ts';
import { metadataFile } from './metadataFile.ts';
import { toNativeJson, toNativeYaml } from './nativeEncoding.ts';
import { permissionsFile } from './permissionsFile.ts';
import { createPseudonyms, knownPeople, notePeopleNamedIn, redactEmailAddresses, redactLogLine, redactValue } from './redaction.ts';
import { maskSecrets } from './secretMasking.ts';
import { serverFacts, type ServerFacts } from './serverFacts.ts';
import { logFiles, tidyLogLine } from './serverLog.ts';
import { parseServerVersion, predatesSeparateFiles } from './serverVersion.ts';
import { describeFailure } from './sourceProblems.ts';
import { eachInSlices, linesAsTextParts, mapInSlices, runAtOnce, type Sliced } from './slicedWork.ts';
import { statsFile } from './statsFile.ts';

export { describeLogLevelAdvice, logLevelAdvice, type LogLevelAdvice } from './logLevelAdvice.ts';

/**
 * The support packet's files, laid out as Mattermost's own (v10.5+) packet
 * lays them out, plus our companion/ folder: the contract between the REST
 * collection and the zip. Pure: the same answers give the same files.
 */
export interface PacketFile {
  readonly path: string;
  /** The file's text in parts: a 100 MB log is never one string. */
  readonly parts: readonly string[];
}

export function fileText(file: PacketFile): string {
  return file.parts.join('');
}

export interface SupportPacket {
  readonly files: readonly PacketFile[];
  /** The lines of warning.txt: sources that did not answer, then native fields the REST API cannot give. */
  readonly warnings: readonly string[];
  /** Those that are sources not answering this time; the others are what any packet made over REST leaves out, or notes on this server. */
  readonly failures: readonly string[];
  /** Why Mattermost's own tools would refuse metadata.yaml; the popup says it before saving. */
  readonly metadataProblem: string | undefined;
  /** The zip's name is the caller's (mm_support_packet_<company>_<time>.zip), not the packet's. */
  readonly fileName?: never;
}

type SourceName = { [K in keyof CollectedData]-?: CollectedData[K] extends Collected<unknown> | undefined ? K : never }[keyof CollectedData];

/** Which file each REST source fills, for the warning when it did not answer. */
const filledBy: ReadonlyArray<readonly [source: SourceName, file: string]> = [
  ['clientConfig', 'metadata.yaml and diagnostics.yaml'],
  ['license', 'metadata.yaml and diagnostics.yaml'],
  ['config', 'sanitized_config.json and diagnostics.yaml'],
  ['serverStatus', 'diagnostics.yaml and companion/health.yaml'],
  ['analyticsStandard', 'stats.yaml and diagnostics.yaml'],
  ['analyticsExtra', 'stats.yaml'],
  ['userCounts', 'stats.yaml'],
  ['roles', 'permissions.yaml'],
  ['schemes', 'permissions.yaml'],
  ['plugins', 'plugins.json'],
  ['pluginStatuses', 'companion/plugin_statuses.yaml'],
  ['clusterStatus', 'diagnostics.yaml and the node folders'],
  ['logLines', 'mattermost.log'],
  ['appliedSchemaMigrations', 'diagnostics.yaml'],
  ['appsInventory', 'companion/apps_inventory.yaml'],
];

/**
 * The job types whose runs the packet lists: the native jobs.yaml groups, and
 * for servers before 10.5 the legacy file's too (newer servers refuse the
 * removed `bleve_post_indexing` type with a 400).
 */
export function collectedJobTypes(serverVersionId: string, clientConfigVersion: string | undefined): string[] {
  const version = parseServerVersion(serverVersionId, clientConfigVersion);
  const groups = version && predatesSeparateFiles(version) ? [...nativeJobGroups, ...legacyJobGroups] : nativeJobGroups;
  return [...new Set(groups.map(([, jobType]) => jobType))];
}

/** Native files that need the server's own process or database, which no REST call reaches. */
const nativeOnlyFiles =
  'cpu.prof, heap.prof, goroutines, database_schema.yaml and the plugins’ own support files are only in a native packet: not available over the REST API';

export function buildSupportPacket(data: CollectedData, options: PacketOptions): SupportPacket {
  return runAtOnce(supportPacketInSlices(data, options));
}

/** buildSupportPacket as sliced work (see slicedWork.ts), for the tab to run with breaks. */
export function* supportPacketInSlices(data: CollectedData, options: PacketOptions): Sliced<SupportPacket> {
  const facts = serverFacts(data);
  const logLines = valueOf(data.logLines);
  const nodeLogs = logLines && splitLogByNode(yield* mapInSlices(logLines, tidyLogLine));
  const logOrder = nodeLogs ? [...nodeLogs.unattributed, ...[...nodeLogs.byHostname.values()].flat()] : [];
  const packet = new PacketWriter(options.redactPersonalData ? yield* personalDataRedactor(logOrder) : keptAsIs);
  const hostnames = nodeHostnames(facts, nodeLogs, packet.leftOut);

  const metadataProblem = writeNativeFiles(packet, data, facts, hostnames);
  if (nodeLogs) yield* writeServerLog(packet, nodeLogs, hostnames, valueOf(data.config));
  writeCompanionFiles(packet, data);

  const config = valueOf(data.config);
  const failures = [...sourceFailures(data), ...jobFailures(data.jobsByType)];
  const warnings = [
    ...sourceFailures(data),
    ...new Set(packet.leftOut),
    ...(config ? [...hiddenSettingsWarning(config), ...advancedLogFilesWarning(config)] : []),
    nativeOnlyFiles,
  ];
  packet.text('warning.txt', `${warnings.join('\n')}\n`);
  return { files: packet.files, warnings, failures, metadataProblem };

  function writeNativeFiles(packet: PacketWriter, data: CollectedData, facts: ServerFacts, hostnames: readonly string[] | undefined): string | undefined {
    const version = parseServerVersion(data.serverVersionId, facts.version);
    const metadata = metadataFile(data, facts, version, options);
    packet.yaml('metadata.yaml', { ...metadata, value: { ...metadata.value, extras: packet.redactor.value(metadata.value.extras) } });

    const folders = hostnames?.map((hostname) => ({ node: nodeNamed(facts, hostname), folder: `${nodeFolder(hostname)}/` }));
    if (folders && folders.length > 1) {
      for (const { node, folder } of folders) packet.yaml(`${folder}diagnostics.yaml`, diagnosticsFile(data, facts, { kind: 'node', node }));
    } else {
      packet.yaml(`${folders?.[0]?.folder ?? ''}diagnostics.yaml`, diagnosticsFile(data, facts, { kind: 'server', node: folders?.[0]?.node }));
    }

    packet.yaml('stats.yaml', statsFile(facts, valueOf(data.userCounts)));
    packet.yaml('jobs.yaml', jobsFile(data.jobsByType));
    packet.yaml('permissions.yaml', permissionsFile(valueOf(data.roles), valueOf(data.schemes), data.rolesReadByName === true));
    const plugins = valueOf(data.plugins);
    // model.SupportPacketPluginList: Go writes an empty list as null.
    if (plugins) packet.text('plugins.json', toNativeJson({ enabled: nullWhenEmpty(plugins.active), disabled: nullWhenEmpty(plugins.inactive) }));

    const config = valueOf(data.config);
    if (config) {
      const masked = maskSecrets(config, plugins && [...plugins.active, ...plugins.inactive]);
      packet.leftOut.push(...masked.leftOut);
      const sanitized = toNativeJson(packet.redactor.configuration(masked.config));
      for (const { folder } of folders ?? [{ folder: '' }]) packet.text(`${folder}sanitized_config.json`, sanitized);
      if (new Set(facts.nodes?.flatMap((node) => node.configHash ?? [])).size > 1) {
        packet.leftOut.push(
          'sanitized_config.json: the nodes report different configurations (config_hash); each folder has the configuration of the node that answered',
        );
      }
    }

    if (version && predatesSeparateFiles(version)) packet.yaml('support_packet.yaml', legacySupportPacketFile(facts, data.jobsByType));
    return metadata.problem;
  }
}

/**
 * The node folders, when the native packet would have them (see
 * ServerFacts.clustered): every node the cluster status lists or the log
 * names in a node header. Undefined when the files sit at the root.
 */
function nodeHostnames(facts: ServerFacts, nodeLogs: NodeLogs | undefined, leftOut: string[]): readonly string[] | undefined {
  if (!facts.clustered) return undefined;
  const hostnames = [...new Set([...(facts.nodes ?? []).map((node) => node.hostname), ...(nodeLogs?.byHostname.keys() ?? [])])];
  if (hostnames.length > 0) return hostnames;
  leftOut.push('node folders: clustering is on, but neither the cluster status nor the log names this node, so its files are at the root');
  return undefined;
}

function nodeNamed(facts: ServerFacts, hostname: string): ClusterNode {
  return facts.nodes?.find((node) => node.hostname === hostname) ?? { hostname, version: undefined, configHash: undefined };
}

function* writeServerLog(
  packet: PacketWriter,
  logs: NodeLogs,
  hostnames: readonly string[] | undefined,
  config: Readonly<Record<string, unknown>> | undefined,
): Sliced<void> {
  // The native packet leaves the log out, with a warning, when the server writes no log file.
  if (logs.unattributed.length === 0 && logs.byHostname.size === 0 && objectAt(config, 'LogSettings')?.EnableFile === false) {
    packet.leftOut.push('mattermost.log: not included because LogSettings.EnableFile is false');
    return;
  }
  const files = logFiles(logs, hostnames);
  for (const log of files.value) packet.parts(log.path, yield* linesAsTextParts(log.lines, (line) => packet.redactor.line(scrubCredentials(line))));
  packet.leftOut.push(...files.leftOut);
}

function writeCompanionFiles(packet: PacketWriter, data: CollectedData): void {
  for (const { path, value } of companionValues(data)) packet.text(path, toNativeYaml(packet.redactor.value(value)));
  const config = valueOf(data.config);
  const advice = config && logLevelAdvice(config);
  if (advice) packet.text('companion/log_level_advice.txt', `${describeLogLevelAdvice(advice)}\n`);
}

function nullWhenEmpty<T>(list: readonly T[]): readonly T[] | null {
  return list.length > 0 ? list : null;
}

function sourceFailures(data: CollectedData): string[] {
  return filledBy.flatMap(([source, file]) => {
    const collected: Collected<unknown> | undefined = data[source];
    return collected && !collected.ok ? [describeFailure(file, collected)] : [];
  });
}

interface Redactor {
  readonly line: (line: string) => string;
  readonly value: (value: unknown) => unknown;
  readonly configuration: (config: Record<string, unknown>) => Record<string, unknown>;
}

const keptAsIs: Redactor = { line: (line) => line, value: (value) => value, configuration: (config) => config };

/** One set of pseudonyms for the whole packet, knowing every user the log names in a user field. */
function* personalDataRedactor(logLines: readonly string[]): Sliced<Redactor> {
  const seen = { userIds: new Set<string>(), usernames: new Set<string>() };
  yield* eachInSlices(logLines, (line) => notePeopleNamedIn(line, seen));
  const known = knownPeople(seen.userIds, seen.usernames);
  const pseudonyms = createPseudonyms();
  return {
    line: (line) => redactLogLine(line, pseudonyms, known),
    value: (value) => redactValue(value, pseudonyms, known),
    configuration: (config) => redactEmailAddresses(config, pseudonyms) as Record<string, unknown>,
  };
}

/** Collects the files and what they left out, in the order they are written. */
class PacketWriter {
  readonly files: PacketFile[] = [];
  readonly leftOut: string[] = [];

  constructor(readonly redactor: Redactor) {}

  text(path: string, content: string): void {
    this.parts(path, [content]);
  }

  parts(path: string, parts: readonly string[]): void {
    this.files.push({ path, parts });
  }

  yaml<T>(path: string, drafted: Drafted<T>): void {
    this.text(path, toNativeYaml(drafted.value));
    this.leftOut.push(...drafted.leftOut);
  }
}

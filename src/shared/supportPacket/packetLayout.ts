import { nodeFolder, type ClusterNode } from './clusterLayout.ts';
import { valueOf, type Collected, type CollectedData, type PacketOptions } from './collectedData.ts';
import { companionValues } from './companionFiles.ts';
import { diagnosticsFile } from './diagnosticsFile.ts';
import type { Drafted } from './drafted.ts';
import { jobsFile } from './jobsFile.ts';
import { objectAt } from './jsonValues.ts';
import { legacySupportPacketFile } from './legacySupportPacket.ts';
import { describeLogLevelAdvice, logLevelAdvice } from './logLevelAdvice.ts';
import { metadataFile } from './metadataFile.ts';
import { toNativeJson, toNativeYaml } from './nativeEncoding.ts';
import { permissionsFile } from './permissionsFile.ts';
import { collectKnownPeople, createPseudonyms, redactEmailAddresses, redactLogLine, redactValue } from './redaction.ts';
import { maskSecrets } from './secretMasking.ts';
import { serverFacts, type ServerFacts } from './serverFacts.ts';
import { logFileLines, logFiles, logText } from './serverLog.ts';
import { parseServerVersion, predatesSeparateFiles } from './serverVersion.ts';
import { describeFailure } from './sourceProblems.ts';
import { statsFile } from './statsFile.ts';

export { describeLogLevelAdvice, logLevelAdvice, type LogLevelAdvice } from './logLevelAdvice.ts';

/**
 * The support packet's files, laid out as Mattermost's own (v10.5+) packet
 * lays them out, plus our companion/ folder: the contract between the REST
 * collection and the zip. Pure: the same answers give the same files.
 */
export interface PacketFile {
  readonly path: string;
  readonly content: string;
}

export interface SupportPacket {
  readonly files: readonly PacketFile[];
  /** The lines of warning.txt: sources that did not answer, then native fields the REST API cannot give. */
  readonly warnings: readonly string[];
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
  ['jobs', 'jobs.yaml'],
  ['roles', 'permissions.yaml'],
  ['schemes', 'permissions.yaml'],
  ['plugins', 'plugins.json'],
  ['pluginStatuses', 'companion/plugin_statuses.yaml'],
  ['clusterStatus', 'diagnostics.yaml and the node folders'],
  ['logLines', 'mattermost.log'],
  ['appliedSchemaMigrations', 'diagnostics.yaml'],
  ['appsInventory', 'companion/apps_inventory.yaml'],
];

/** Native files that need the server's own process or database, which no REST call reaches. */
const nativeOnlyFiles =
  'cpu.prof, heap.prof, goroutines, database_schema.yaml and the plugins’ own support files are only in a native packet: not available over the REST API';

export function buildSupportPacket(data: CollectedData, options: PacketOptions): SupportPacket {
  const facts = serverFacts(data);
  const logLines = valueOf(data.logLines);
  const tidyLog = logLines && logFileLines(logLines);
  const packet = new PacketWriter(options.redactPersonalData ? personalDataRedactor(tidyLog ?? []) : keptAsIs);

  writeNativeFiles(packet, data, facts, options);
  if (tidyLog) writeServerLog(packet, tidyLog, facts.nodes ?? [], valueOf(data.config));
  writeCompanionFiles(packet, data);

  const warnings = [...sourceFailures(data), ...new Set(packet.leftOut), nativeOnlyFiles];
  packet.text('warning.txt', `${warnings.join('\n')}\n`);
  return { files: packet.files, warnings };
}

function writeNativeFiles(packet: PacketWriter, data: CollectedData, facts: ServerFacts, options: PacketOptions): void {
  const version = parseServerVersion(data.serverVersionId, facts.version);
  const metadata = metadataFile(data, facts, version, options);
  packet.yaml('metadata.yaml', { ...metadata, value: { ...metadata.value, extras: packet.redactor.value(metadata.value.extras) } });

  const folders = nodeFolders(facts.nodes ?? []);
  if (folders) {
    for (const { node, folder } of folders) packet.yaml(`${folder}diagnostics.yaml`, diagnosticsFile(data, facts, { kind: 'node', node }));
  } else {
    packet.yaml('diagnostics.yaml', diagnosticsFile(data, facts, { kind: 'server', node: facts.nodes?.[0] }));
  }

  const stats = statsFile(facts);
  if (stats) packet.yaml('stats.yaml', stats);
  const jobs = valueOf(data.jobs);
  if (jobs) packet.yaml('jobs.yaml', jobsFile(jobs));
  const roles = valueOf(data.roles);
  const schemes = valueOf(data.schemes);
  if (roles || schemes) packet.yaml('permissions.yaml', permissionsFile(roles, schemes));
  const plugins = valueOf(data.plugins);
  // model.SupportPacketPluginList: Go writes an empty list as null.
  if (plugins) packet.text('plugins.json', toNativeJson({ enabled: nullWhenEmpty(plugins.active), disabled: nullWhenEmpty(plugins.inactive) }));

  const config = valueOf(data.config);
  if (config) {
    const sanitized = toNativeJson(packet.redactor.configuration(maskSecrets(config)));
    for (const { folder } of folders ?? [{ folder: '' }]) packet.text(`${folder}sanitized_config.json`, sanitized);
    if (new Set(facts.nodes?.flatMap((node) => node.configHash ?? [])).size > 1) {
      packet.leftOut.push(
        'sanitized_config.json: the nodes report different configurations (config_hash); each folder has the configuration of the node that answered',
      );
    }
  }

  if (version && predatesSeparateFiles(version)) packet.yaml('support_packet.yaml', legacySupportPacketFile(facts, jobs));
}

function writeServerLog(
  packet: PacketWriter,
  lines: readonly string[],
  nodes: readonly ClusterNode[],
  config: Readonly<Record<string, unknown>> | undefined,
): void {
  // The native packet leaves the log out, with a warning, when the server writes no log file.
  if (lines.length === 0 && objectAt(config, 'LogSettings')?.EnableFile === false) {
    packet.leftOut.push('mattermost.log: not included because LogSettings.EnableFile is false');
    return;
  }
  const logs = logFiles(lines, nodes);
  for (const log of logs.value) packet.text(log.path, logText(log.lines.map(packet.redactor.line)));
  packet.leftOut.push(...logs.leftOut);
}

function writeCompanionFiles(packet: PacketWriter, data: CollectedData): void {
  for (const { path, value } of companionValues(data)) packet.text(path, toNativeYaml(packet.redactor.value(value)));
  const config = valueOf(data.config);
  const advice = config && logLevelAdvice(config);
  if (advice) packet.text('companion/log_level_advice.txt', `${describeLogLevelAdvice(advice)}\n`);
}

/** When the cluster status lists nodes, each node's files go in a folder named after it, as the native packet does for any cluster; without a cluster, at the root. */
function nodeFolders(nodes: readonly ClusterNode[]) {
  return nodes.length > 0 ? nodes.map((node) => ({ node, folder: `${nodeFolder(node.hostname)}/` })) : undefined;
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
function personalDataRedactor(logLines: readonly string[]): Redactor {
  const known = collectKnownPeople(logLines);
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
    this.files.push({ path, content });
  }

  yaml<T>(path: string, drafted: Drafted<T>): void {
    this.text(path, toNativeYaml(drafted.value));
    this.leftOut.push(...drafted.leftOut);
  }
}

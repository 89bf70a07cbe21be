import { valueOf, type CollectedData, type PacketOptions } from './collectedData.ts';
import { textAt } from './jsonValues.ts';
import type { ServerFacts } from './serverFacts.ts';
import { semverText, type ServerVersion } from './serverVersion.ts';

/**
 * metadata.yaml, the native model.PacketMetadata that support's tooling reads
 * first to file a packet. `extras` is the native free-form map; ours says
 * what made the packet and whether personal data was redacted.
 */
export interface MetadataFile {
  readonly value: Record<string, unknown> & { readonly extras: Record<string, unknown> };
  readonly leftOut: readonly string[];
  /** Why model.ParsePacketMetadata would refuse the file, in words the popup shows before saving; undefined when it accepts it. */
  readonly problem: string | undefined;
}

export function metadataFile(data: CollectedData, facts: ServerFacts, version: ServerVersion | undefined, options: PacketOptions): MetadataFile {
  const serverId = textAt(valueOf(data.clientConfig), 'DiagnosticId') ?? '';
  const licensed = facts.license?.licensed === true;
  const value = {
    version: 1,
    type: 'support-packet',
    generated_at: data.generatedAt,
    server_version: version ? semverText(version) : '',
    server_id: serverId,
    license_id: facts.license?.id ?? '',
    // The client licence, the only one REST gives, does not carry the customer id.
    customer_id: '',
    extras: {
      generator: options.generatorName,
      generator_version: options.generatorVersion,
      browser: data.client.browser,
      redaction: options.redactPersonalData ? 'personal-data' : 'none',
    },
  };
  const leftOut: string[] = [];
  if (licensed && !facts.license?.id) leftOut.push('metadata.yaml: license_id is only shown to users allowed to read licence information');
  if (licensed) leftOut.push('metadata.yaml: customer_id is not available over the REST API');
  const problem = metadataProblem(value.server_version, serverId, data);
  if (problem) leftOut.unshift(`metadata.yaml: Mattermost's tools will refuse this file: ${problem}`);
  return { value, leftOut, problem };
}

/** The checks of model.PacketMetadata.Validate that depend on what REST gave. */
function metadataProblem(serverVersion: string, serverId: string, data: CollectedData): string | undefined {
  if (!/^\d+\.\d+\.\d+/.test(serverVersion)) return 'server_version is unknown: neither the X-Version-Id header nor the client configuration carries a version';
  if (isValidId(serverId)) return undefined;
  if (!data.clientConfig.ok) return `server_id is unknown: the client configuration (${data.clientConfig.endpoint}) could not be read`;
  return 'server_id is unknown: the client configuration has no valid DiagnosticId';
}

/** model.IsValidId: 26 letters or digits (Mattermost ids are ASCII). */
export function isValidId(value: string): boolean {
  return /^[A-Za-z0-9]{26}$/.test(value);
}

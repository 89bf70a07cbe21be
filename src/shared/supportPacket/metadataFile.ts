import { valueOf, type CollectedData, type PacketOptions } from './collectedData.ts';
import type { Drafted } from './drafted.ts';
import { textAt } from './jsonValues.ts';
import type { ServerFacts } from './serverFacts.ts';
import { semverText, type ServerVersion } from './serverVersion.ts';

/**
 * metadata.yaml, the native model.PacketMetadata that support's tooling reads
 * first to file a packet. `extras` is the native free-form map; ours says
 * what made the packet and whether personal data was redacted.
 */
export function metadataFile(
  data: CollectedData,
  facts: ServerFacts,
  version: ServerVersion | undefined,
  options: PacketOptions,
): Drafted<Record<string, unknown>> {
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
  if (!version) leftOut.push('metadata.yaml: server_version is unknown: neither X-Version-Id nor the client config carries a version');
  if (data.clientConfig.ok && serverId === '') leftOut.push('metadata.yaml: server_id is unknown: the client config has no DiagnosticId');
  if (licensed && !facts.license?.id) leftOut.push('metadata.yaml: license_id is only shown to users allowed to read licence information');
  if (licensed) leftOut.push('metadata.yaml: customer_id is not available over the REST API');
  return { value, leftOut };
}

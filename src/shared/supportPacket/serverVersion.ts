export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/**
 * The server's semantic version from the X-Version-Id header
 * ("11.4.0.11.4.0-companion.<hash>.false": version, build number, hash,
 * enterprise flag), else from the client config's `Version`.
 */
export function parseServerVersion(versionId: string, clientConfigVersion: string | undefined): ServerVersion | undefined {
  for (const candidate of [versionId, clientConfigVersion ?? '']) {
    const match = /^(\d+)\.(\d+)\.(\d+)/.exec(candidate);
    if (match) return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
  }
  return undefined;
}

export function semverText(version: ServerVersion): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

/** Servers before 10.5 wrote one support_packet.yaml instead of separate diagnostics, stats and jobs files. */
export function predatesSeparateFiles(version: ServerVersion): boolean {
  return version.major < 10 || (version.major === 10 && version.minor < 5);
}

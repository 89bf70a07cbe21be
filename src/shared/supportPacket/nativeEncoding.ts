import { stringify } from 'yaml';

/**
 * How the native packet writes its files, so that the same scripts read ours:
 * YAML as the Go encoder lays it out (sequences not indented under their key,
 * long strings never folded), JSON with four-space indentation. Like the Go
 * encoder, strings that a YAML 1.1 reader (PyYAML and most scripts) would take
 * for a time, a bool (`yes`, `on`, `y`), null or a number are quoted, so that
 * reader gets a string, as from a native file.
 */
export function toNativeYaml(value: unknown): string {
  return stringify(value, { version: '1.1', indentSeq: false, lineWidth: 0 });
}

export function toNativeJson(value: unknown): string {
  return JSON.stringify(value, null, 4);
}

/**
 * A millisecond timestamp as the native YAML writes job, role and scheme
 * times: RFC 3339 with milliseconds only when there are any, trailing zeros
 * dropped (Go's "2006-01-02T15:04:05.999Z07:00"). Always UTC here; the native
 * file uses the server's zone, which a browser cannot know.
 */
export function formatMillis(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

/**
 * IP address checks for redaction. The patterns that find candidates in log
 * text are loose on purpose (a clock time "16:33:20" looks like IPv6 to a
 * regular expression); these functions decide.
 */

const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const hexGroup = /^[0-9A-Fa-f]{1,4}$/;

/**
 * Loopback and unspecified addresses (127.0.0.0/8, ::1, 0.0.0.0, ::) identify
 * no one and tell support where the server listens and what it connects to
 * locally, so redaction keeps them. Private ranges are redacted: in a company
 * network they are people's machines.
 */
export function isLocalIpv4(address: string): boolean {
  return address.startsWith('127.') || address === '0.0.0.0';
}

export function isLocalIpv6(groups: readonly number[]): boolean {
  return groups.slice(0, 7).every((group) => group === 0) && (groups[7] === 0 || groups[7] === 1);
}

/** The eight 16-bit groups of an IPv6 address, or undefined when the text is not one. */
export function ipv6Groups(text: string): readonly number[] | undefined {
  if (!mayBeIpv6(text)) return undefined;
  const gap = text.indexOf('::');
  if (gap === -1) {
    const groups = groupsOf(text, true);
    return groups?.length === 8 ? groups : undefined;
  }
  if (text.includes('::', gap + 1)) return undefined;
  const head = groupsOf(text.slice(0, gap), false);
  const tail = groupsOf(text.slice(gap + 2), true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * A quick no for most candidates, clock times above all: without "::" an
 * address has seven colons (six before an IPv4 tail).
 */
function mayBeIpv6(text: string): boolean {
  if (text.includes('::')) return true;
  let colons = 0;
  for (const character of text) if (character === ':') colons += 1;
  return colons === 7 || (colons === 6 && text.includes('.'));
}

/** Colon-separated groups; an IPv4 tail ("::ffff:192.0.2.1") counts as two and may only end the address. */
function groupsOf(part: string, endsAddress: boolean): number[] | undefined {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (endsAddress && index === pieces.length - 1 && ipv4.test(piece)) {
      const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
      groups.push(a * 256 + b, c * 256 + d);
    } else if (hexGroup.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

import { ipv6Groups, isLocalIpv4, isLocalIpv6 } from './ipAddresses.ts';
import { isRecord } from './jsonValues.ts';

/**
 * Personal data redaction for the log and our own files: e-mail addresses,
 * IP addresses, user ids and usernames become pseudonyms that are stable
 * within one packet, so that support can still follow one person through the
 * log without knowing who it is. The configuration only has its e-mail
 * addresses redacted (`redactEmailAddresses`): its secrets are masked
 * separately, and its hosts, IP ranges and names are the infrastructure
 * support needs to see, while an address such as the SMTP user or the
 * feedback sender may be a person's mailbox.
 *
 * A log can have hundreds of thousands of lines, so every pattern is compiled
 * once (the known people's once per packet) and starts with a literal or a
 * word boundary, which the regular expression engine finds quickly; context
 * that a pattern cannot check cheaply is checked in code around the match.
 */

export interface Pseudonyms {
  readonly username: (username: string) => string;
  readonly email: (address: string) => string;
  readonly ip: (address: string) => string;
  readonly userId: (id: string) => string;
}

/** Pseudonyms for one packet: the same value always gets the same pseudonym (`user-1`, `email-1@redacted.invalid`, `ip-1`, `id-1`). */
export function createPseudonyms(): Pseudonyms {
  const numbering = (pseudonym: (number: number) => string, normalize: (value: string) => string) => {
    const given = new Map<string, string>();
    return (value: string): string => {
      const key = normalize(value);
      let known = given.get(key);
      if (known === undefined) {
        known = pseudonym(given.size + 1);
        given.set(key, known);
      }
      return known;
    };
  };
  const asIs = (value: string) => value;
  const lowerCase = (value: string) => value.toLowerCase();
  return {
    username: numbering((number) => `user-${number}`, lowerCase),
    email: numbering((number) => `email-${number}@redacted.invalid`, lowerCase),
    ip: numbering((number) => `ip-${number}`, lowerCase),
    userId: numbering((number) => `id-${number}`, asIs),
  };
}

/** Users known to appear in the text: their ids and usernames are redacted wherever they stand as whole words. */
export interface KnownPeople {
  readonly userIds: ReadonlySet<string>;
  readonly usernames: ReadonlySet<string>;
  /** Any of them as a whole word. */
  readonly pattern: RegExp | undefined;
}

export function knownPeople(userIds: Iterable<string>, usernames: Iterable<string>): KnownPeople {
  const ids = new Set(userIds);
  const names = new Set([...usernames].map((name) => name.toLowerCase()).filter((name) => !logWords.has(name)));
  // Longest first, so that "bob.smith" wins over "bob".
  const words = [...ids, ...names].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const pattern = words.length > 0 ? new RegExp(`\\b(?:${words.join('|')})(?![\\w-]|\\.[\\w-])`, 'gi') : undefined;
  return { userIds: ids, usernames: names, pattern };
}

export const nobodyKnown: KnownPeople = knownPeople([], []);

const mattermostId = /^[a-z0-9]{26}$/;
const userIdField = /(?:user|creator|sender|actor)id$/;
const usernameShape = /^[a-z0-9][a-z0-9._-]*$/i;
/**
 * Words a log uses for its own structure. A user who happens to be called
 * "info" keeps that name everywhere but in user fields, or every log level
 * would turn into a pseudonym.
 */
const logWords = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'critical', 'panic', 'null', 'true', 'false']);

/**
 * A user field in JSON (`"user_id":"…"`, also escaped inside a JSON string) or
 * in key=value text (`username=…`): the field says what the value is, so
 * these are redacted even when the user is not otherwise known.
 */
const userField = /(user_?id|creator_?id|sender_?id|actor_?id|user_?name)((?:\\?")?\s*[:=]\s*)((?:\\?")?)([^"\s,;}\]\\]+)\3/gi;
const emailDomain = /@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const emailLocalChar = /[A-Za-z0-9._%+-]/;
/** Two colons around at most four hex digits: where any IPv6 address has its first colons. */
const ipv6Colons = /:[0-9A-Fa-f]{0,4}:/g;
const ipv6Char = /[0-9A-Fa-f:.]/;
const hexDigit = /[0-9A-Fa-f]/;
const wordChar = /\w/;
const joinedToAddress = /[\w:.]/;
/** Sentence punctuation after an address, not part of it: "from fe80::1." and "fe80::1: refused". */
const trailingPunctuation = /\.+$|(?<!:):$/;
const wordJoiner = /[.-]/;
const decimalContinuation = /^\.\d/;
/** "Chrome/140.0.0.0": a product version in a user agent, not an address. */
const productToken = /[A-Za-z]\/$/;
const ipv4 = /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g;

/** Collects the user ids and usernames that the text names in user fields, so that their other mentions are redacted too. */
export function collectKnownPeople(texts: Iterable<string>): KnownPeople {
  const seen = { userIds: new Set<string>(), usernames: new Set<string>() };
  for (const text of texts) notePeopleNamedIn(text, seen);
  return knownPeople(seen.userIds, seen.usernames);
}

/** One text's part of collectKnownPeople, for a caller that goes through a big log in slices. */
export function notePeopleNamedIn(text: string, seen: { readonly userIds: Set<string>; readonly usernames: Set<string> }): void {
  userField.lastIndex = 0;
  for (let match = userField.exec(text); match; match = userField.exec(text)) {
    const [, field = '', , quote = '', value = ''] = match;
    const kind = userFieldKind(field, quote, value);
    if (kind === 'userId') seen.userIds.add(value);
    if (kind === 'username') seen.usernames.add(value);
  }
}

/** One log line with its personal data replaced by pseudonyms. */
export function redactLogLine(line: string, pseudonyms: Pseudonyms, known: KnownPeople): string {
  let text = line.replace(userField, (whole, field: string, separator: string, quote: string, value: string) => {
    const kind = userFieldKind(field, quote, value);
    return kind ? `${field}${separator}${quote}${pseudonyms[kind](value)}${quote}` : whole;
  });
  if (text.includes('@')) text = replaceEmails(text, pseudonyms);
  text = replaceIpv6(text, pseudonyms);
  text = text.replace(ipv4, (address: string, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 2), offset);
    const after = whole.slice(offset + address.length, offset + address.length + 2);
    const notAnAddress = before.endsWith('.') || productToken.test(before) || decimalContinuation.test(after);
    return notAnAddress || isLocalIpv4(address) ? address : pseudonyms.ip(address);
  });
  if (known.pattern) {
    text = text.replace(known.pattern, (word: string, offset: number, whole: string) => {
      if (wordJoiner.test(whole.charAt(offset - 1))) return word;
      if (known.userIds.has(word)) return pseudonyms.userId(word);
      return known.usernames.has(word.toLowerCase()) ? pseudonyms.username(word) : word;
    });
  }
  return text;
}

/** A deep copy of a JSON value with the same redaction applied to every string and to user fields' values. */
export function redactValue(value: unknown, pseudonyms: Pseudonyms, known: KnownPeople): unknown {
  if (typeof value === 'string') return redactLogLine(value, pseudonyms, known);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, pseudonyms, known));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, child]) => {
      const kind = typeof child === 'string' ? userFieldKind(name, '"', child) : undefined;
      return [name, kind && typeof child === 'string' ? pseudonyms[kind](child) : redactValue(child, pseudonyms, known)];
    }),
  );
}

/**
 * A deep copy of a JSON value with only its e-mail addresses replaced, using
 * the packet's pseudonyms: the same address in the log and in the
 * configuration reads the same.
 */
export function redactEmailAddresses(value: unknown, pseudonyms: Pseudonyms): unknown {
  if (typeof value === 'string') return value.includes('@') ? replaceEmails(value, pseudonyms) : value;
  if (Array.isArray(value)) return value.map((item) => redactEmailAddresses(item, pseudonyms));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, redactEmailAddresses(child, pseudonyms)]));
}

/** Finds each address by its domain, then walks back over the local part. */
function replaceEmails(text: string, pseudonyms: Pseudonyms): string {
  let redacted = '';
  let copiedUpTo = 0;
  for (const match of text.matchAll(emailDomain)) {
    let start = match.index;
    while (start > copiedUpTo && emailLocalChar.test(text.charAt(start - 1))) start -= 1;
    if (start === match.index) continue;
    const end = match.index + match[0].length;
    redacted += text.slice(copiedUpTo, start) + pseudonyms.email(text.slice(start, end));
    copiedUpTo = end;
  }
  return copiedUpTo === 0 ? text : redacted + text.slice(copiedUpTo);
}

/**
 * Finds each candidate by its first colons, widens it to the whole run of
 * address characters, and lets `ipv6Groups` decide: a clock time such as
 * "16:33:20.123" is a candidate too, and stays.
 */
function replaceIpv6(text: string, pseudonyms: Pseudonyms): string {
  let redacted = '';
  let copiedUpTo = 0;
  ipv6Colons.lastIndex = 0;
  for (let match = ipv6Colons.exec(text); match; match = ipv6Colons.exec(text)) {
    let start = match.index;
    while (start > Math.max(copiedUpTo, match.index - 4) && hexDigit.test(text.charAt(start - 1))) start -= 1;
    let end = match.index;
    while (end < text.length && ipv6Char.test(text.charAt(end))) end += 1;
    ipv6Colons.lastIndex = end;
    const candidate = text.slice(start, end).replace(trailingPunctuation, '');
    const standsAlone = !joinedToAddress.test(text.charAt(start - 1)) && !wordChar.test(text.charAt(end));
    const groups = standsAlone ? ipv6Groups(candidate) : undefined;
    if (!groups || isLocalIpv6(groups)) continue;
    redacted += text.slice(copiedUpTo, start) + pseudonyms.ip(candidate);
    copiedUpTo = start + candidate.length;
  }
  return copiedUpTo === 0 ? text : redacted + text.slice(copiedUpTo);
}

type UserFieldKind = 'userId' | 'username';

/** What a user field's value is, when it really is one (not `null`, not an id-shaped field holding something else). */
function userFieldKind(field: string, quote: string, value: string): UserFieldKind | undefined {
  const lowerField = field.toLowerCase().replaceAll('_', '');
  if (lowerField.endsWith('username')) {
    const keyword = quote === '' && logWords.has(value.toLowerCase());
    return usernameShape.test(value) && !keyword ? 'username' : undefined;
  }
  return userIdField.test(lowerField) && mattermostId.test(value) ? 'userId' : undefined;
}

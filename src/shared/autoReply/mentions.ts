/**
 * Whether a message mentions the user: one meaning, used alike for live
 * messages and at catch-up, following the user's Mattermost notification
 * settings — @username, their extra mention keys, their first name when they
 * chose it. Channel-wide mentions (@channel, @all, @here) count only when the
 * auto-reply settings say so and the user's notifications take them.
 */
export interface MentionProfile {
  readonly username: string;
  readonly firstName: string;
  /** notify_props.mention_keys, split at commas. */
  readonly mentionKeys: readonly string[];
  /** notify_props.first_name === 'true': the first name, as written, is a mention. */
  readonly firstNameMentions: boolean;
  /** notify_props.channel !== 'false': @channel, @all and @here reach the user. */
  readonly channelWideMentions: boolean;
}

export type Mention = 'personal' | 'channel-wide';

const channelWideKeys = new Set(['@channel', '@all', '@here']);
const isMultibyte = (text: string) => [...text].some((character) => (character.codePointAt(0) ?? 0) > 0x7f);

/** Code is not text: a mention inside a code block or `inline code` does not notify in Mattermost either. */
function withoutCode(message: string): string {
  return message.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

/**
 * The message's words as Mattermost's mention parser cuts them: anything but
 * letters, digits and `: . - _ @` separates; `:emoji:` is no word.
 */
function wordsOf(message: string): string[] {
  return withoutCode(message)
    .split(/[^\p{L}\p{N}:.\-_@]+/u)
    .filter((word) => word !== '' && !/^:[^:]+:$/.test(word))
    .map((word) => word.replace(/^[:.\-_]+/, ''))
    .filter((word) => word !== '');
}

/** The spellings Mattermost tries for one word: as written, then shorn of trailing `. - : _` one at a time, then its parts. */
function spellingsOf(word: string): string[] {
  const spellings = [word];
  for (let shorter = word; /[.\-:_]$/.test(shorter); ) {
    shorter = shorter.slice(0, -1);
    if (shorter) spellings.push(shorter);
  }
  if (!word.startsWith('@') && /[.\-:]/.test(word)) spellings.push(...word.split(/[.\-:]+/).filter(Boolean));
  return spellings;
}

export function findMention(message: string, profile: MentionProfile): Mention | undefined {
  const personalKeys = new Set([`@${profile.username}`, ...profile.mentionKeys].map((key) => key.trim().toLowerCase()).filter(Boolean));
  const multibyteKeys = [...personalKeys].filter(isMultibyte);
  const isPersonal = (spelling: string) =>
    personalKeys.has(spelling.toLowerCase()) || (profile.firstNameMentions && profile.firstName !== '' && spelling === profile.firstName);
  let channelWide = false;
  for (const word of wordsOf(message)) {
    const spellings = spellingsOf(word);
    if (spellings.some(isPersonal)) return 'personal';
    // Words in scripts without spaces (Chinese, Japanese) hold a multibyte key anywhere inside them.
    if (isMultibyte(word) && multibyteKeys.some((key) => word.toLowerCase().includes(key))) return 'personal';
    if (spellings.some((spelling) => channelWideKeys.has(spelling.toLowerCase()))) channelWide = true;
  }
  return channelWide && profile.channelWideMentions ? 'channel-wide' : undefined;
}

/** Whether the auto-reply counts the message as mentioning the user, given whether channel-wide mentions were chosen. */
export function isMentioned(message: string, profile: MentionProfile, channelWideChosen: boolean): boolean {
  const mention = findMention(message, profile);
  return mention === 'personal' || (mention === 'channel-wide' && channelWideChosen);
}

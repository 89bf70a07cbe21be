/**
 * Matching incoming messages against the user's words. Latin, Greek and
 * Cyrillic keywords match whole words ("ok" is not in "book"); keywords in
 * scripts written without spaces, such as Chinese, match anywhere.
 */

const wordCharacter = String.raw`[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}_]`;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function keywordPattern(keyword: string, flags: string): RegExp {
  return new RegExp(`(?<!${wordCharacter})${escapeForPattern(keyword.trim())}(?!${wordCharacter})`, flags);
}

export function containsKeyword(message: string, keyword: string): boolean {
  return keyword.trim() !== '' && keywordPattern(keyword, 'iu').test(message);
}

/**
 * True when the message says nothing but pause words ("ok, thanks!", "收到"):
 * a closing remark, not a new question.
 */
export function consistsOfPauseKeywords(message: string, keywords: readonly string[]): boolean {
  const usable = keywords.map((keyword) => keyword.trim()).filter(Boolean);
  if (usable.length === 0) return false;
  let rest = message;
  for (const keyword of [...usable].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(keywordPattern(keyword, 'giu'), ' ');
  }
  const onlyPunctuationLeft = !/[\p{L}\p{N}]/u.test(rest);
  return onlyPunctuationLeft && rest.length < message.length;
}

/** A rule's regular expression, case-insensitive; an invalid one never matches. */
export function matchesPattern(message: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, 'iu').test(message);
  } catch {
    return false;
  }
}

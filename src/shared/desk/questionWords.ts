/**
 * The words and tags a question is about, for "most common requests": words
 * as the browser's word segmenter finds them (Chinese included, which has no
 * spaces), lower-cased, without the little words every question has, and
 * hashtags apart.
 */

const stopWords = new Set(
  [
    'a an and are as at be but by can could did do does for from get got has have hello help hey hi how i if in into is it its just me',
    'my need no not of on or our please so some that the their them there this to too us was we what when where which who why will',
    'with would you your yes any anyone all also am been being cannot dont doesnt im ive thanks thank team',
    '的 了 是 我 你 他 她 们 在 吗 吧 呢 啊 和 有 也 就 都 要 会 能 这 那 一个 怎么 什么 请问 请 谢谢 大家 一下 可以 没有 问题',
  ]
    .join(' ')
    .split(' '),
);

const hashtag = /(?<![\p{L}\p{N}_])#([\p{L}\p{N}_-]{2,})/gu;
const onlyDigits = /^\p{N}+$/u;
const latinWord = /^[\p{Script=Latin}\p{N}'’_-]+$/u;

let segmenter: Intl.Segmenter | undefined;

export interface QuestionTopics {
  readonly words: readonly string[];
  readonly tags: readonly string[];
}

/** Each word and tag once per question, so one long question does not outweigh many short ones. */
export function topicsOf(message: string): QuestionTopics {
  const tags = new Set<string>();
  for (const match of message.matchAll(hashtag)) tags.add((match[1] ?? '').toLowerCase());
  const text = message.replace(hashtag, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/[`*_~>]/g, ' ');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const words = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    const word = segment.toLowerCase().replace(/’/g, "'");
    const bare = word.replace(/'/g, '');
    if (stopWords.has(bare) || onlyDigits.test(word)) continue;
    // A Latin word of one or two letters says little; one Chinese character can ("网", "卡") but is kept only in a longer word.
    if (latinWord.test(word) ? bare.length < 3 : [...word].length < 2) continue;
    words.add(word);
  }
  return { words: [...words], tags: [...tags] };
}

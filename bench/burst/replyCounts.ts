export interface ReplyCounts {
  readonly exactlyOnce: number;
  readonly missed: number;
  /** Replies beyond the first in each conversation, added up. */
  readonly duplicates: number;
  readonly most: number;
}

/** Sums up the number of replies each conversation got. */
export function countReplies(repliesPerConversation: readonly number[]): ReplyCounts {
  return {
    exactlyOnce: repliesPerConversation.filter((count) => count === 1).length,
    missed: repliesPerConversation.filter((count) => count === 0).length,
    duplicates: repliesPerConversation.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    most: Math.max(0, ...repliesPerConversation),
  };
}

import type { Collected } from './collectedData.ts';

export type FailedSource = Extract<Collected<unknown>, { ok: false }>;

/** One line of warning.txt for a source that did not answer, naming what it would have filled. */
export function describeFailure(filledFile: string, failure: FailedSource): string {
  return failure.status === 0
    ? `${filledFile}: ${failure.endpoint} gave no answer: ${failure.reason}`
    : `${filledFile}: ${failure.endpoint} answered ${failure.status}: ${failure.reason}`;
}

import type { ResponseObserver } from './mattermostApi.ts';
import { isServerFailure } from './retryPolicy.ts';

export interface ServerProblem {
  readonly since: number;
  readonly message: string;
}

/**
 * Whether the tab's requests are failing right now (no answer, or a server
 * error), and since when; the next answer from the server clears it.
 */
export function trackServerProblems(now: () => number): { observer: ResponseObserver; current: () => ServerProblem | undefined } {
  let problem: ServerProblem | undefined;
  const fail = (message: string) => {
    problem = { since: problem?.since ?? now(), message };
  };
  return {
    current: () => problem,
    observer: {
      onAnswer(_url, status) {
        if (isServerFailure(status)) fail(`HTTP ${status}`);
        else problem = undefined;
      },
      onNoAnswer(_url, error) {
        fail(error.message);
      },
    },
  };
}

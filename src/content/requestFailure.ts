import { MattermostApiError } from './mattermostApi.ts';
import { isServerFailure } from './retryPolicy.ts';

/** No answer, a server error or a rate limit that outlasted the request's own retries: worth trying again later. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof MattermostApiError && (error.status === 0 || error.status === 429 || isServerFailure(error.status) || error.status === 401);
}

/** What the server or the network said, for the activity list. */
export function describeFailure(error: unknown): string {
  if (error instanceof MattermostApiError) {
    return error.status === 0 ? error.message : `HTTP ${error.status}${error.serverErrorId ? ` ${error.serverErrorId}` : ''}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

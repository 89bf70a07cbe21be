import { t } from '../shared/i18n.ts';
import { isReadableError, readableError } from '../shared/readableError.ts';

/** A failure in the user's language, with the technical detail behind it in brackets. */
export function errorText(error: unknown): string {
  const readable = isReadableError(error) ? error : readableError('errorUnexpected', error);
  return `${t(readable.messageKey, readable.substitutions)} (${readable.detail})`;
}

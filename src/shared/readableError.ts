import type { MessageKey } from './i18n.ts';

/**
 * A failure as the user reads it: a sentence from the locale files, plus the
 * technical detail behind it for support.
 */
export interface ReadableError {
  readonly messageKey: MessageKey;
  readonly substitutions?: readonly string[];
  readonly detail: string;
}

export function readableError(messageKey: MessageKey, cause: unknown, substitutions?: readonly string[]): ReadableError {
  return { messageKey, detail: describeCause(cause), ...(substitutions ? { substitutions } : {}) };
}

export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  try {
    return JSON.stringify(cause);
  } catch {
    return String(cause);
  }
}

export function isReadableError(value: unknown): value is ReadableError {
  return typeof value === 'object' && value !== null && 'messageKey' in value && 'detail' in value;
}

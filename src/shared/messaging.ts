import browser, { type Runtime } from 'webextension-polyfill';
import type { Answer, BackgroundContract, ContentContract, DeskContract, ExtensionPageContract, SupportPacketContract, TabContract } from './messages.ts';
import { describeCause, isReadableError, readableError } from './readableError.ts';

type Contract = Record<string, { payload: unknown; answer: unknown }>;

interface Envelope<C extends Contract, K extends keyof C = keyof C> {
  readonly companion: K;
  readonly payload: C[K]['payload'];
}

export type Handlers<C extends Contract> = {
  [K in keyof C]: (payload: C[K]['payload'], sender: Runtime.MessageSender) => Promise<C[K]['answer']>;
};

function isEnvelope(message: unknown): message is Envelope<Contract> {
  return typeof message === 'object' && message !== null && 'companion' in message;
}

/**
 * Answers the messages of one contract. A handler's thrown error travels back
 * as a readable error rather than as the browser's generic rejection.
 */
function answerMessages<C extends Contract>(handlers: Handlers<C>): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Answer<unknown>> | undefined => {
    if (!isEnvelope(message) || !(message.companion in handlers)) return undefined;
    const handle = handlers[message.companion as keyof C];
    return handle(message.payload, sender).then(
      (value): Answer<unknown> => ({ ok: true, value }),
      (error: unknown): Answer<unknown> => ({
        ok: false,
        error: isReadableError(error) ? error : readableError('errorUnexpected', error),
      }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

async function unwrap<T>(reply: Promise<unknown>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = (await reply) as Answer<T>;
  } catch (error) {
    throw readableError('errorNoAnswer', describeCause(error));
  }
  if (!answer) throw readableError('errorNoAnswer', 'empty answer');
  if (!answer.ok) throw answer.error;
  return answer.value;
}

export function sendToBackground<K extends keyof BackgroundContract>(
  type: K,
  payload: BackgroundContract[K]['payload'],
): Promise<BackgroundContract[K]['answer']> {
  const envelope: Envelope<BackgroundContract, K> = { companion: type, payload };
  return unwrap(browser.runtime.sendMessage(envelope));
}

/** Tells the open extension pages something; none listening is not a failure. */
export function tellExtensionPages<K extends keyof ExtensionPageContract>(type: K, payload: ExtensionPageContract[K]['payload']): void {
  const envelope: Envelope<ExtensionPageContract, K> = { companion: type, payload };
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

export function sendToTab<K extends keyof TabContract>(
  tabId: number,
  type: K,
  payload: TabContract[K]['payload'],
): Promise<TabContract[K]['answer']> {
  const envelope: Envelope<TabContract, K> = { companion: type, payload };
  return unwrap(browser.tabs.sendMessage(tabId, envelope));
}

export const answerBackgroundMessages = (handlers: Handlers<BackgroundContract>) => answerMessages(handlers);
export const answerContentMessages = (handlers: Handlers<ContentContract>) => answerMessages(handlers);
export const answerSupportPacketMessages = (handlers: Handlers<SupportPacketContract>) => answerMessages(handlers);
export const answerDeskMessages = (handlers: Handlers<DeskContract>) => answerMessages(handlers);
export const answerExtensionPageMessages = (handlers: Handlers<ExtensionPageContract>) => answerMessages(handlers);

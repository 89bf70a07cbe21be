// Run in a child process of its own (node --expose-gc), so that nothing else
// lives on its heap: fills the per-tab reply state with `count` synthetic
// conversations and prints the heap it holds afterwards, as JSON.
//
//   bounded   — as the tab keeps it: BoundedSet of handled message ids, the
//               display-name book and the conversation state (each
//               conversation's message and its auto-reply), all held to their
//               bounds.
//   unbounded — the same entries in a plain Set and Maps, for comparison.
import { ConversationState } from '../../src/shared/autoReply/conversationState.ts';
import type { PostFacts } from '../../src/shared/autoReply/replyPolicy.ts';
import { BoundedSet } from '../../src/shared/boundedSet.ts';
import { DisplayNameBook } from '../../src/content/displayNameBook.ts';
import { handledPostsRemembered } from '../../src/content/tabMemory.ts';

const [mode, countText] = process.argv.slice(2);
const count = Number(countText);
if ((mode !== 'bounded' && mode !== 'unbounded') || !Number.isInteger(count) || count < 1) {
  throw new Error('usage: tabMemoryProbe.ts bounded|unbounded <conversations>');
}
const collectGarbage = globalThis.gc;
if (!collectGarbage) throw new Error('run with node --expose-gc');

/** A Mattermost-shaped id: 26 characters of [a-z0-9]. */
function syntheticId(kind: string, index: number): string {
  return `${kind}${index.toString(36)}`.padEnd(26, 'x');
}

function heapUsed(): number {
  collectGarbage?.();
  collectGarbage?.();
  return process.memoryUsage().heapUsed;
}

function post(kind: string, index: number, userId: string, createAt: number): PostFacts {
  return { id: syntheticId(kind, index), userId, rootId: '', type: '', message: `Quick question number ${index}, are you around?`, createAt, props: {} };
}

const before = heapUsed();
const handled = mode === 'bounded' ? new BoundedSet<string>(handledPostsRemembered) : new Set<string>();
const noLookups = { many: () => Promise.resolve(new Map<string, string>()), one: () => Promise.reject(new Error('not in the probe')) };
const book = new DisplayNameBook(noLookups);
const displayNames = new Map<string, string>();
const conversations = new ConversationState();
conversations.restart(true);
const unboundedConversations = new Map<string, PostFacts[]>();
for (let index = 0; index < count; index += 1) {
  const sender = syntheticId('user', index);
  const channelId = syntheticId('chan', index);
  const message = post('post', index, sender, index * 10);
  const reply = post('reply', index, 'me'.padEnd(26, 'x'), index * 10 + 1);
  handled.add(message.id);
  if (mode === 'bounded') {
    book.learn(sender, `Sender ${index} Tester`);
    conversations.observe(channelId, message);
    conversations.observe(channelId, reply);
  } else {
    displayNames.set(sender, `Sender ${index} Tester`);
    unboundedConversations.set(channelId, [message, reply]);
  }
}
const after = heapUsed();
process.stdout.write(`${JSON.stringify({ mode, count, bytes: after - before, handled: handled.size })}\n`);

// Run in a child process of its own (node --expose-gc), so that nothing else
// lives on its heap: fills the per-tab reply state with `count` synthetic
// conversations and prints the heap it holds afterwards, as JSON.
//
//   bounded   — as the tab keeps it: BoundedSet of handled message ids and a
//               display-name Map, both held to their bounds.
//   unbounded — the same entries in a plain Set and Map, for comparison.
import { BoundedSet } from '../../src/content/boundedSet.ts';
import { handledPostsRemembered, keepNewestDisplayNames } from '../../src/content/tabMemory.ts';

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

const before = heapUsed();
const handled = mode === 'bounded' ? new BoundedSet<string>(handledPostsRemembered) : new Set<string>();
const displayNames = new Map<string, string>();
for (let index = 0; index < count; index += 1) {
  // As the service does for each message: the name map is trimmed when a reply's context is made, then the new name added.
  handled.add(syntheticId('post', index));
  if (mode === 'bounded') keepNewestDisplayNames(displayNames);
  displayNames.set(syntheticId('user', index), `Sender ${index} Tester`);
}
const after = heapUsed();
process.stdout.write(`${JSON.stringify({ mode, count, bytes: after - before, handled: handled.size, names: displayNames.size })}\n`);

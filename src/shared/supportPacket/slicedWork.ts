/**
 * Long work on a big server log, written as a generator that yields between
 * slices of lines: the same code runs at once (tests, small logs) or with a
 * break for the browser whenever a slice of time is used up, so that a 100 MB
 * log never freezes the Mattermost tab in one long task.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Items handled between two chances to pause. */
const itemsPerSlice = 250;
/** The time the work may run before it takes a break: well under the 50 ms of a long task. */
export const sliceOfTimeMs = 20;

export function runAtOnce<T>(work: Sliced<T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** Runs the work, taking a break (giving the event loop a turn) whenever `budgetMs` has passed since the last one. */
export async function runWithBreaks<T>(work: Sliced<T>, takeBreak: () => Promise<void>, budgetMs = sliceOfTimeMs): Promise<T> {
  let since = performance.now();
  let step = work.next();
  while (!step.done) {
    if (performance.now() - since >= budgetMs) {
      await takeBreak();
      since = performance.now();
    }
    step = work.next();
  }
  return step.value;
}

/** Calls `each` on every item, yielding between slices. */
export function* eachInSlices<T>(items: readonly T[], each: (item: T) => void): Sliced<void> {
  for (let index = 0; index < items.length; index += 1) {
    each(items[index] as T);
    if (index % itemsPerSlice === itemsPerSlice - 1) yield;
  }
}

/** The items mapped, and those mapped to undefined left out, yielding between slices. */
export function* mapInSlices<T, U>(items: readonly T[], map: (item: T) => U | undefined): Sliced<U[]> {
  const result: U[] = [];
  yield* eachInSlices(items, (item) => {
    const mapped = map(item);
    if (mapped !== undefined) result.push(mapped);
  });
  return result;
}

/** Lines as text in parts of one slice each, every line ending with a line break: a big file without one big string. */
export function* linesAsTextParts(lines: readonly string[], map: (line: string) => string): Sliced<string[]> {
  const parts: string[] = [];
  for (let start = 0; start < lines.length; start += itemsPerSlice) {
    parts.push(`${lines.slice(start, start + itemsPerSlice).map(map).join('\n')}\n`);
    yield;
  }
  return parts;
}

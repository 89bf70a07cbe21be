import { displayNamesRemembered } from './tabMemory.ts';

/** Largest batch asked for in one request. */
const namesPerRequest = 200;
/** A lookup out longer than this (a rate limit, a slow server) no longer holds the next names back. */
const slowLookupMs = 2_000;

export interface NameLookups {
  /** Several people at once; those missing from the answer are looked up alone, a failure fails them all. */
  readonly many: (userIds: readonly string[]) => Promise<Map<string, string>>;
  /** One person, whose failure (404, 403…) is the caller's to report. */
  readonly one: (userId: string) => Promise<string>;
}

interface Waiting {
  readonly resolve: (name: string) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The names replies call people by, kept for the tab and looked up in
 * batches: a name asked for while a lookup is on its way joins the next
 * request instead of making its own, so a burst of new senders costs a few
 * requests rather than one each, and the first one waits for nobody. A
 * lookup that takes long does not hold the next ones back.
 */
export class DisplayNameBook {
  private readonly names = new Map<string, string>();
  private readonly waiting = new Map<string, Waiting[]>();
  /** When the lookup under way was sent, undefined when none is. */
  private inFlightSince: number | undefined;

  constructor(
    private readonly lookups: NameLookups,
    private readonly capacity = displayNamesRemembered,
    private readonly now: () => number = Date.now,
  ) {}

  known(userId: string): string | undefined {
    return this.names.get(userId);
  }

  nameOf(userId: string): Promise<string> {
    const known = this.names.get(userId);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(userId) ?? [];
      queue.push({ resolve, reject });
      this.waiting.set(userId, queue);
      this.sendNext();
    });
  }

  /** Names likely needed soon (a new conversation was opened): looked up now, failures ignored. */
  prefetch(userIds: readonly string[]): void {
    for (const userId of userIds) if (!this.names.has(userId)) void this.nameOf(userId).catch(() => undefined);
  }

  /** The person changed their profile. */
  forget(userId: string): void {
    this.names.delete(userId);
  }

  /** A name known from elsewhere. */
  learn(userId: string, name: string): void {
    this.names.delete(userId);
    this.names.set(userId, name);
    while (this.names.size > this.capacity) this.names.delete(this.names.keys().next().value as string);
  }

  private sendNext(): void {
    const busy = this.inFlightSince !== undefined && this.now() - this.inFlightSince < slowLookupMs;
    if (busy || this.waiting.size === 0) return;
    const batch = [...this.waiting.keys()].slice(0, namesPerRequest);
    const waiters = batch.map((userId) => [userId, this.waiting.get(userId) ?? []] as const);
    for (const userId of batch) this.waiting.delete(userId);
    const sentAt = this.now();
    this.inFlightSince = sentAt;
    const done = () => {
      if (this.inFlightSince === sentAt) this.inFlightSince = undefined;
      this.sendNext();
    };
    void this.lookups.many(batch).then(
      async (found) => {
        done();
        await Promise.all(waiters.map(([userId, queue]) => this.settle(userId, queue, found.get(userId))));
      },
      (error: unknown) => {
        // The server could not be asked: every name of the batch fails alike, each caller decides whether to try again.
        done();
        for (const [, queue] of waiters) for (const waiter of queue) waiter.reject(error);
      },
    );
  }

  private async settle(userId: string, queue: readonly Waiting[], found: string | undefined): Promise<void> {
    try {
      const name = found ?? (await this.lookups.one(userId));
      this.learn(userId, name);
      for (const waiter of queue) waiter.resolve(name);
    } catch (error) {
      for (const waiter of queue) waiter.reject(error);
    }
  }
}

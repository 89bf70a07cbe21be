import { beforeEach, describe, expect, it, vi } from 'vitest';

/** storage.local with an await between every read and write, as the real one has. */
const stored = new Map<string, unknown>();
/** The keys of each `set` call, in order. */
const writes: string[][] = [];
const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        async get(keys: string | string[]) {
          await tick();
          return Object.fromEntries([keys].flat().filter((key) => stored.has(key)).map((key) => [key, structuredClone(stored.get(key))]));
        },
        async set(items: Record<string, unknown>) {
          writes.push(Object.keys(items).sort());
          await tick();
          for (const [key, value] of Object.entries(items)) stored.set(key, structuredClone(value));
        },
      },
    },
  },
}));

const {
  changeAutoReplySettings,
  readActivity,
  readAutoReplySettings,
  readCaughtUpTo,
  readPendingReplies,
  recordActivity,
  updatePendingReplies,
  writeAutoReplySettings,
  writeCaughtUpTo,
} = await import('./autoReplyStore.ts');
const { defaultAutoReplySettings } = await import('./settings.ts');
const { afterFailure } = await import('./pendingReplies.ts');

const account = { workspace: { origin: 'https://chat.example.com', basePath: '' }, userId: 'alice' };

describe('auto-reply storage written from many conversations at once', () => {
  beforeEach(() => stored.clear());

  it('loses no activity entry when a hundred outcomes are recorded in parallel', async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        recordActivity(account, { kind: 'replied', at: 1_000 + index, postId: `p${index}`, channelId: `c${index % 7}`, senderName: 'Bob' }),
      ),
    );
    expect((await readActivity(account)).map((entry) => entry.postId).sort()).toEqual(Array.from({ length: 100 }, (_, index) => `p${index}`).sort());
  });

  it('keeps the latest catch-up point whatever order the writes land in', async () => {
    await Promise.all([5, 9, 2, 7].map((at) => writeCaughtUpTo(account, at)));
    expect(await readCaughtUpTo(account)).toBe(9);
  });

  it('keeps every message put in the retry queue in parallel', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        updatePendingReplies(account, (pending) => ({
          pending: afterFailure(
            pending,
            { post: { id: `p${index}`, userId: 'bob', rootId: '', type: '', message: 'Hi', createAt: index, props: {} }, channelId: 'dm', channelType: 'D', teamId: '', seenAt: index, late: false },
            'No answer',
            0,
          ).pending,
          result: undefined,
        })),
      ),
    );
    expect(await readPendingReplies(account)).toHaveLength(50);
  });

  it('switching on saves the settings and the catch-up point in one write, never moving the point back', async () => {
    await writeCaughtUpTo(account, 5_000);
    writes.length = 0;
    expect(await writeAutoReplySettings(account, { ...defaultAutoReplySettings, enabled: true }, 9_000)).toEqual([]);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.some((key) => key.endsWith('settings')) && writes[0]?.some((key) => key.endsWith('caughtUpTo'))).toBe(true);
    expect([(await readAutoReplySettings(account)).settings.enabled, await readCaughtUpTo(account)]).toEqual([true, 9_000]);

    await writeAutoReplySettings(account, { ...defaultAutoReplySettings, enabled: true }, 7_000);
    expect(await readCaughtUpTo(account)).toBe(9_000);
  });

  it('saving settings that leave auto-reply off, or invalid ones, leaves the catch-up point alone', async () => {
    await writeCaughtUpTo(account, 5_000);
    await writeAutoReplySettings(account, { ...defaultAutoReplySettings, enabled: false }, 9_000);
    expect(await writeAutoReplySettings(account, { ...defaultAutoReplySettings, enabled: true, minutesBetweenReplies: -1 }, 9_000)).not.toEqual([]);
    expect(await readCaughtUpTo(account)).toBe(5_000);
  });
});

describe('settings changed from two places at once', () => {
  beforeEach(() => stored.clear());

  it('keeps both changes: each is made over what the other saved', async () => {
    await writeAutoReplySettings(account, { ...defaultAutoReplySettings, enabled: true });
    for (let round = 0; round < 20; round += 1) {
      const message = `Away, round ${round}`;
      await Promise.all([
        changeAutoReplySettings(account, (current) => ({ ...current, message }), 1_000),
        changeAutoReplySettings(account, (current) => ({ ...current, enabled: round % 2 === 0 }), 1_000),
      ]);
      const { settings } = await readAutoReplySettings(account);
      expect([settings.message, settings.enabled]).toEqual([message, round % 2 === 0]);
    }
  });

  it('moves the catch-up point when settings that did not validate are mended on, as a switch-on', async () => {
    const key = `autoReply:https://chat.example.com:account:alice:settings`;
    stored.set(key, { ...defaultAutoReplySettings, enabled: true, minutesBetweenReplies: 0 });
    const { problems } = await changeAutoReplySettings(account, (current) => ({ ...current, minutesBetweenReplies: 30 }), 5 * 60_000 + 1_234);
    expect(problems).toEqual([]);
    expect((await readAutoReplySettings(account)).settings).toMatchObject({ enabled: true, minutesBetweenReplies: 30 });
    expect(await readCaughtUpTo(account)).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { DisplayNameBook } from './displayNameBook.ts';

function recordingLookups(names: Record<string, string>) {
  const batches: string[][] = [];
  const singles: string[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  return {
    batches,
    singles,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    lookups: {
      many: async (ids: readonly string[]) => {
        batches.push([...ids]);
        await gate;
        return new Map(ids.filter((id) => names[id] !== undefined).map((id) => [id, names[id] as string]));
      },
      one: async (id: string) => {
        singles.push(id);
        throw new Error(`HTTP 404 for ${id}`);
      },
    },
  };
}

describe('display name book', () => {
  it('asks for names wanted while a lookup is under way together, in the next request', async () => {
    const server = recordingLookups({ a: 'Ann', b: 'Bob', c: 'Cy' });
    server.hold();
    const book = new DisplayNameBook(server.lookups);
    const first = book.nameOf('a');
    const rest = [book.nameOf('b'), book.nameOf('c'), book.nameOf('b')];
    server.release();
    expect(await Promise.all([first, ...rest])).toEqual(['Ann', 'Bob', 'Cy', 'Bob']);
    expect(server.batches).toEqual([['a'], ['b', 'c']]);
  });

  it('asks nothing for a name it already has', async () => {
    const server = recordingLookups({ a: 'Ann' });
    const book = new DisplayNameBook(server.lookups);
    await book.nameOf('a');
    await book.nameOf('a');
    expect(server.batches).toEqual([['a']]);
    expect(book.known('a')).toBe('Ann');
  });

  it('looks up alone a person the batch left out, and passes on that failure', async () => {
    const server = recordingLookups({});
    const book = new DisplayNameBook(server.lookups);
    await expect(book.nameOf('gone')).rejects.toThrow('HTTP 404 for gone');
    expect(server.singles).toEqual(['gone']);
  });

  it('looks a person up again after they changed their profile, and keeps a bounded number of names', async () => {
    const server = recordingLookups({ a: 'Ann', b: 'Bob', c: 'Cy' });
    const book = new DisplayNameBook(server.lookups, 2);
    await book.nameOf('a');
    book.forget('a');
    await book.nameOf('a');
    await book.nameOf('b');
    await book.nameOf('c');
    expect(book.known('a')).toBeUndefined();
    expect(server.batches).toEqual([['a'], ['a'], ['b'], ['c']]);
  });
});

describe('display name book when the server cannot be reached', () => {
  it('fails every name of the batch with the server’s error, and asks again next time', async () => {
    let down = true;
    const batches: string[][] = [];
    const book = new DisplayNameBook({
      many: async (ids) => {
        batches.push([...ids]);
        if (down) throw new Error('HTTP 503');
        return new Map(ids.map((id) => [id, id.toUpperCase()]));
      },
      one: () => Promise.reject(new Error('not expected')),
    });
    await expect(book.nameOf('a')).rejects.toThrow('HTTP 503');
    down = false;
    expect(await book.nameOf('a')).toBe('A');
    expect(batches).toEqual([['a'], ['a']]);
  });
});

describe('display name book with a slow lookup', () => {
  it('sends the next names without waiting once the lookup under way has taken long', async () => {
    const clock = { at: 0 };
    const batches: string[][] = [];
    let releaseFirst: () => void = () => undefined;
    const book = new DisplayNameBook(
      {
        many: async (ids) => {
          batches.push([...ids]);
          if (batches.length === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
          return new Map(ids.map((id) => [id, id.toUpperCase()]));
        },
        one: () => Promise.reject(new Error('not expected')),
      },
      10,
      () => clock.at,
    );
    const slow = book.nameOf('a');
    const held = book.nameOf('b');
    expect(batches).toEqual([['a']]);
    clock.at = 5_000;
    expect(await book.nameOf('c')).toBe('C');
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(await held).toBe('B');
    releaseFirst();
    expect(await slow).toBe('A');
  });
});

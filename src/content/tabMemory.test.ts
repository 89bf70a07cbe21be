import { describe, expect, it } from 'vitest';
import { displayNamesRemembered, keepNewestDisplayNames } from './tabMemory.ts';

describe('keepNewestDisplayNames', () => {
  it('forgets the oldest names beyond the bound and keeps the newest', () => {
    const names = new Map(Array.from({ length: displayNamesRemembered + 3 }, (_, index) => [`user${index}`, `Name ${index}`]));
    keepNewestDisplayNames(names);
    expect(names.size).toBe(displayNamesRemembered);
    expect(names.has('user0')).toBe(false);
    expect(names.has('user2')).toBe(false);
    expect(names.has('user3')).toBe(true);
    expect(names.has(`user${displayNamesRemembered + 2}`)).toBe(true);
  });
});

import { expect, it } from 'vitest';
import { nativeDeflateWorks } from './nativeDeflate.ts';

it('finds the runtime’s own deflate working where CompressionStream deflates and inflates back alike', async () => {
  expect(await nativeDeflateWorks()).toBe(true);
});

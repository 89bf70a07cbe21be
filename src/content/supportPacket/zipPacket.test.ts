import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipPacket } from './zipPacket.ts';

const noBreak = () => Promise.resolve();

for (const [deflater, deflateNatively] of [
  ['the browser’s zlib', () => Promise.resolve(true)],
  ['JavaScript', () => Promise.resolve(false)],
] as const) {
  describe(`zipping the packet, deflated by ${deflater}`, () => {
    it('writes every file whole, a file in many parts included, and reports its size', async () => {
      const logParts = Array.from({ length: 50 }, (_, index) => `{"msg":"line ${index}"}\n`);
      const { zip, sizes } = await zipPacket(
        [
          { path: 'metadata.yaml', parts: ['version: 1\n'] },
          { path: 'app-1/mattermost.log', parts: logParts },
          { path: 'empty.txt', parts: [] },
        ],
        noBreak,
        () => undefined,
        deflateNatively,
      );
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
      expect(Object.keys(files)).toEqual(['metadata.yaml', 'app-1/mattermost.log', 'empty.txt']);
      expect(strFromU8(files['app-1/mattermost.log'] ?? new Uint8Array())).toBe(logParts.join(''));
      expect(sizes).toEqual([
        { path: 'metadata.yaml', sizeBytes: 11 },
        { path: 'app-1/mattermost.log', sizeBytes: logParts.join('').length },
        { path: 'empty.txt', sizeBytes: 0 },
      ]);
    });

    it('counts bytes, not characters, in the sizes', async () => {
      const { sizes } = await zipPacket([{ path: 'warning.txt', parts: ['plugins’ files\n'] }], noBreak, () => undefined, deflateNatively);
      expect(sizes[0]?.sizeBytes).toBe(17);
    });
  });
}

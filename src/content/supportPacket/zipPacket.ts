import { Zip, ZipDeflate } from 'fflate';
import type { PacketFile } from '../../shared/supportPacket/packetLayout.ts';
import { sliceOfTimeMs } from '../../shared/supportPacket/slicedWork.ts';
import { NativeDeflateEntry, nativeDeflateWorks } from './nativeDeflate.ts';

export interface ZippedPacket {
  readonly zip: Blob;
  readonly sizes: ReadonlyArray<{ readonly path: string; readonly sizeBytes: number }>;
}

/**
 * The packet as a zip, each file deflated part by part as its text is
 * encoded (by the browser's zlib where it can, else in JavaScript): a 100 MB
 * log never sits in one buffer, and the tab gets a break whenever a slice of
 * time is used up. `onProgress` hears the share of the text done, from 0 to 1.
 */
export async function zipPacket(
  files: readonly PacketFile[],
  takeBreak: () => Promise<void>,
  onProgress: (share: number) => void,
  deflateNatively: () => Promise<boolean> = nativeDeflateWorks,
): Promise<ZippedPacket> {
  const chunks: Uint8Array[] = [];
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const written = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Awaited at the end; a failure met earlier is thrown from the loop, and must not count as unhandled meanwhile.
  written.catch(() => undefined);
  /** The first failure: after it the zip takes nothing more, and later errors would only hide it. */
  let failure: Error | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure ??= error;
      settle?.reject(error);
    } else chunks.push(chunk);
    if (final) settle?.resolve();
  });
  const native = await deflateNatively();
  const encoder = new TextEncoder();
  const totalParts = files.reduce((sum, file) => sum + file.parts.length, 0);
  const sizes: Array<{ path: string; sizeBytes: number }> = [];
  let partsDone = 0;
  let since = performance.now();
  const throwIfFailed = () => {
    if (failure) throw failure;
  };
  for (const file of files) {
    throwIfFailed();
    const entry = native ? new NativeDeflateEntry(file.path) : new ZipDeflate(file.path, { level: 6 });
    zip.add(entry);
    let sizeBytes = 0;
    try {
      if (file.parts.length === 0) entry.push(new Uint8Array(0), true);
      for (const [index, part] of file.parts.entries()) {
        const bytes = encoder.encode(part);
        sizeBytes += bytes.length;
        throwIfFailed();
        entry.push(bytes, index === file.parts.length - 1);
        if (entry instanceof NativeDeflateEntry) await entry.ready();
        partsDone += 1;
        if (performance.now() - since >= sliceOfTimeMs) {
          onProgress(partsDone / totalParts);
          await takeBreak();
          since = performance.now();
        }
      }
    } catch (error) {
      // Cancelled or failed mid-file: the browser's compressor is let go of at once.
      if (entry instanceof NativeDeflateEntry) entry.abandon();
      throw failure ?? error;
    }
    sizes.push({ path: file.path, sizeBytes });
  }
  zip.end();
  await written;
  return { zip: new Blob(chunks as BlobPart[], { type: 'application/zip' }), sizes };
}

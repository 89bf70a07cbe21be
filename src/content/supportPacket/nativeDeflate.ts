import { inflateSync, ZipPassThrough, type FlateError } from 'fflate';

/**
 * A zip entry deflated by the browser's own zlib (`CompressionStream`):
 * several times faster than deflating in JavaScript, and done in small
 * steps between the tab's other work. fflate still writes the zip around it
 * and the CRC of the original bytes.
 */
export class NativeDeflateEntry extends ZipPassThrough {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    const deflate = new CompressionStream('deflate-raw');
    this.writer = deflate.writable.getWriter();
    void this.pump(deflate.readable.getReader());
  }

  /** Resolves once the compressor wants more: pushing no faster than it deflates keeps the encoded text from piling up. */
  ready(): Promise<void> {
    return this.writer.ready;
  }

  /** Stops compressing: the packet was cancelled or failed. */
  abandon(): void {
    this.writer.abort().catch(() => undefined);
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    // A failure shows on the reading side, which reports it.
    this.writer.write(chunk).catch(() => undefined);
    if (final) this.writer.close().catch(() => undefined);
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) this.ondata(null, read.value as Uint8Array<ArrayBuffer>, false);
      this.ondata(null, new Uint8Array(0), true);
    } catch (error) {
      const failure = Object.assign(error instanceof Error ? error : new Error(String(error)), { code: 0 }) as FlateError;
      this.ondata(failure, new Uint8Array(0), true);
    }
  }
}

let works: Promise<boolean> | undefined;

/**
 * Whether the browser deflates natively here, tried once the way the packet
 * uses it (in Firefox the content script reaches the page's streams through
 * wrappers): a small entry is deflated and inflated again, and any failure or
 * difference means JavaScript does it. So does a probe with no answer within
 * `patienceMs`.
 */
export function nativeDeflateWorks(patienceMs = 2_000): Promise<boolean> {
  works ??= Promise.race([probeNativeDeflate(), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), patienceMs))]);
  return works;
}

function probeNativeDeflate(): Promise<boolean> {
  return (async () => {
    if (typeof CompressionStream !== 'function') return false;
    try {
      const original = new TextEncoder().encode('{"msg":"Companion checks the browser’s deflate"}\n'.repeat(20));
      const chunks: Uint8Array[] = [];
      const entry = new NativeDeflateEntry('probe.txt');
      const deflated = new Promise<void>((resolve, reject) => {
        entry.ondata = (error, chunk, final) => {
          if (error) reject(error);
          chunks.push(chunk);
          if (final) resolve();
        };
      });
      entry.push(original, true);
      await deflated;
      const inflated = inflateSync(new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()));
      return inflated.length === original.length && inflated.every((byte, index) => byte === original[index]);
    } catch {
      return false;
    }
  })();
}

import { createServer } from 'node:net';

/** True when nothing listens on 127.0.0.1:<port> (a wildcard listener also makes it busy). */
export function isLoopbackPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      probe.close(() => resolvePromise(true));
    });
  });
}

export async function firstFreeLoopbackPort(from: number, attempts = 100): Promise<number> {
  for (let port = from; port < from + attempts; port++) {
    if (await isLoopbackPortFree(port)) return port;
  }
  throw new Error(`No free port on 127.0.0.1 between ${from} and ${from + attempts - 1}.`);
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A web page that is not Mattermost, on its own loopback port. */
export interface PlainPageServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startPlainPageServer(): Promise<PlainPageServer> {
  const httpServer: Server = createServer((request, response) => {
    response.writeHead(request.url?.startsWith('/api/') ? 404 : 200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>Plain page</title><h1>Just a page</h1>');
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    port: (httpServer.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => httpServer.close(() => resolve())),
  };
}

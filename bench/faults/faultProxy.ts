// A loopback reverse proxy in front of the Mattermost server, which the
// answering tab uses as its workspace's origin, so that faults reach the
// extension as they would behind a real proxy: REST requests answered with
// server errors or rate limits, WebSockets dropped, and a 502 while the
// server restarts. Everything else passes through untouched (same Host, so
// the session cookies apply), except that the page's Origin becomes the
// server's: the server checks a WebSocket's Origin against its site URL, which
// a real proxy would serve.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type RestFault = { readonly status: 500 | 502 | 503 } | { readonly status: 429; readonly retryAfterSeconds: number };

export interface FaultProxy {
  /** The workspace URL to open in the tab: http://127.0.0.1:<port>. */
  readonly url: string;
  /** Answers every REST request with the fault from now on; undefined passes them through again. */
  answerRestWith(fault: RestFault | undefined): void;
  /** Drops every WebSocket open through the proxy now; returns how many. */
  dropSockets(): number;
  /** REST answers the proxy made up, by status (502s while the server was down included). */
  injectedAnswers(): ReadonlyMap<number, number>;
  close(): Promise<void>;
}

const restPrefix = '/api/v4/';

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const upstreamPort = Number(upstream.port || 80);
  const agent = new http.Agent({ keepAlive: true });
  const sockets = new Set<{ client: net.Socket; server: net.Socket }>();
  const injected = new Map<number, number>();
  let restFault: RestFault | undefined;

  const count = (status: number) => injected.set(status, (injected.get(status) ?? 0) + 1);
  let ownOrigin = '';
  const asServerOrigin = (name: string, value: string | undefined) => (name.toLowerCase() === 'origin' && value === ownOrigin ? upstream.origin : value);

  const proxy = http.createServer((request, response) => {
    const path = request.url ?? '/';
    if (restFault && path.startsWith(restPrefix)) {
      count(restFault.status);
      request.resume();
      if (restFault.status === 429) {
        // As Mattermost's rate limiter answers: text/plain with Retry-After and X-RateLimit-* headers.
        response.writeHead(429, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Retry-After': String(restFault.retryAfterSeconds),
          'X-RateLimit-Limit': '1',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(restFault.retryAfterSeconds),
        });
        response.end('limit exceeded\n');
      } else {
        response.writeHead(restFault.status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ id: 'bench.injected_fault', message: 'Injected by the fault-injection benchmark.', status_code: restFault.status }));
      }
      return;
    }
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstreamPort,
        method: request.method,
        path,
        headers: request.headers.origin === undefined ? request.headers : { ...request.headers, origin: asServerOrigin('origin', request.headers.origin) },
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      // The server is down (restarting): a reverse proxy answers 502.
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (path.startsWith(restPrefix)) count(502);
      response.writeHead(502, { 'Content-Type': 'text/plain' });
      response.end('Bad Gateway\n');
    });
    request.pipe(forwarded);
  });

  proxy.on('upgrade', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const server = net.connect(upstreamPort, upstream.hostname);
    const pair = { client, server };
    sockets.add(pair);
    const drop = () => {
      sockets.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', drop).on('close', drop);
    server.on('error', drop).on('close', drop);
    server.on('connect', () => {
      const headerLines = [];
      for (let index = 0; index < request.rawHeaders.length; index += 2) {
        const name = request.rawHeaders[index] as string;
        headerLines.push(`${name}: ${asServerOrigin(name, request.rawHeaders[index + 1])}`);
      }
      server.write(`${request.method} ${request.url} HTTP/${request.httpVersion}\r\n${headerLines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) server.write(head);
      server.pipe(client);
      client.pipe(server);
    });
  });

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  ownOrigin = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    answerRestWith(fault) {
      restFault = fault;
    },
    dropSockets() {
      const dropped = sockets.size;
      for (const { client, server } of [...sockets]) {
        client.destroy();
        server.destroy();
      }
      sockets.clear();
      return dropped;
    },
    injectedAnswers: () => new Map(injected),
    async close() {
      for (const { client, server } of sockets) {
        client.destroy();
        server.destroy();
      }
      proxy.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

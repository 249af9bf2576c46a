import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of the real engine that forwards every request, except those whose path matches what it is
 * told to refuse: those get a 500 with an engine-shaped error body, as a failing engine answers. It counts the
 * requests it has seen per path, so a test can wait for a long poll to be open.
 */
export async function engineProxy(engineUrl: string) {
  const target = new URL(engineUrl);
  let refused: RegExp | null = null;
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    seen.push(`${request.method} ${path}`);
    if (refused?.test(path)) {
      request.resume();
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'ProcessEngineException', message: 'refused by the test proxy' }));
      return;
    }
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The engine's REST base URL through this proxy. */
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    /** Answer 500 to every request whose path (with query) matches, from now on; null forwards everything again. */
    refuse(pattern: RegExp | null) {
      refused = pattern;
    },
    /** Requests seen so far, as "METHOD /path?query". */
    seen: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

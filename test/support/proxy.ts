/** A forward HTTP proxy for tests, on port 0: CONNECT tunnels and plain absolute-URI requests, each target noted. */
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';

export interface TestProxy {
  url: string;
  /** host:port of every request or tunnel, in order. */
  targets: string[];
  server: Server;
  close(): Promise<void>;
}

export async function startProxy(): Promise<TestProxy> {
  const targets: string[] = [];
  const server = createServer((request, response) => {
    const target = new URL(request.url ?? '');
    targets.push(target.host);
    const upstream = connect(Number(target.port), target.hostname, () => {
      upstream.write(`${request.method} ${target.pathname}${target.search} HTTP/1.1\r\n`);
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        upstream.write(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}\r\n`);
      }
      upstream.write('connection: close\r\n\r\n');
      request.pipe(upstream);
      upstream.pipe(response.socket!);
    });
  });
  server.on('connect', (request, socket, head) => {
    targets.push(request.url ?? '');
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

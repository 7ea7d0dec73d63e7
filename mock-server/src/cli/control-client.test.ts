import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CliError, createControlClient } from './control-client';

/** A server on 127.0.0.1 for one test; every socket it opened is destroyed on close. */
async function serve(server: net.Server): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the QA verbs’ control client', () => {
  test('gives up on a server that never answers, and says where it waited', async () => {
    const silent = await serve(net.createServer((socket) => socket.resume()));
    try {
      const client = createControlClient({ url: silent.url, timeoutMs: 200 });
      const call = client.get('/__control/clock');
      await expect(call).rejects.toBeInstanceOf(CliError);
      await expect(call).rejects.toThrow(
        `No answer from ${silent.url} within 0.2 s: is a mock listening there? (--url)`,
      );
    } finally {
      await silent.close();
    }
  });

  test('gives up on an answer that starts and never ends', async () => {
    const dribble = await serve(
      http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"now":');
      }),
    );
    try {
      const client = createControlClient({ url: dribble.url, timeoutMs: 200 });
      await expect(client.get('/__control/clock')).rejects.toThrow(/^No answer from .* within 0\.2 s/);
    } finally {
      await dribble.close();
    }
  });

  test('says so when the server is not a mock (an answer that is not JSON)', async () => {
    const page = await serve(
      http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>hello</html>');
      }),
    );
    try {
      const client = createControlClient({ url: page.url });
      await expect(client.get('/__control/clock')).rejects.toThrow(
        `${page.url} answered 200 with something that is not JSON: is it an acountpay-mock? (--url)`,
      );
    } finally {
      await page.close();
    }
  });
});

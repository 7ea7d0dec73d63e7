import http from 'node:http';
import type { Socket } from 'node:net';
import { SPARES_FROM_BUSY, WarmHttpAgent } from './warm-agent';
import { closedLoopbackPort, serveOnLoopback, type Cleanups } from './webhook-test-kit';

let cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Resolves once `check` holds, looking again after each turn of the event loop's I/O. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A receiver that holds every request until `answerAll`, and sees every connection. */
async function holdingReceiver() {
  const connections = new Set<Socket>();
  const held: Array<{ socket: Socket; res: http.ServerResponse }> = [];
  const { server, url } = await serveOnLoopback((req, res) => {
    req.resume();
    req.on('end', () => held.push({ socket: req.socket, res }));
  }, cleanups);
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  return {
    url,
    connections,
    held,
    answerAll() {
      for (const { res } of held.splice(0)) res.end('ok');
    },
  };
}

function agent(options: http.AgentOptions = {}): WarmHttpAgent {
  const a = new WarmHttpAgent({ keepAlive: true, ...options });
  cleanups.push(() => a.destroy());
  return a;
}

function post(url: string, through: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: through }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('WarmHttpAgent', () => {
  test('opens spares while enough connections to a receiver are busy; the next request takes one', async () => {
    const receiver = await holdingReceiver();
    const warm = agent();
    const first = Array.from({ length: SPARES_FROM_BUSY + 1 }, () => post(receiver.url, warm));
    await until(() => receiver.held.length === SPARES_FROM_BUSY + 1);
    // The last connection was opened with SPARES_FROM_BUSY busy: that many spares and one more.
    await until(() => receiver.connections.size === 2 * (SPARES_FROM_BUSY + 1));
    expect(warm.spareCount()).toBe(SPARES_FROM_BUSY + 1);

    const open = new Set(receiver.connections);
    const next = post(receiver.url, warm);
    await until(() => receiver.held.length === SPARES_FROM_BUSY + 2);
    expect(open.has(receiver.held.at(-1)!.socket)).toBe(true);

    receiver.answerAll();
    expect(await Promise.all([...first, next])).toEqual(Array(SPARES_FROM_BUSY + 2).fill(200));
  });

  test('opens no spares while fewer connections are busy', async () => {
    const receiver = await holdingReceiver();
    const warm = agent();
    const posts = Array.from({ length: SPARES_FROM_BUSY }, () => post(receiver.url, warm));
    await until(() => receiver.held.length === SPARES_FROM_BUSY);

    expect(warm.spareCount()).toBe(0);
    expect(receiver.connections.size).toBe(SPARES_FROM_BUSY);
    receiver.answerAll();
    await Promise.all(posts);
  });

  test('opens no spares to a receiver that refuses connections', async () => {
    const port = await closedLoopbackPort();
    const warm = agent();
    const posts = Array.from({ length: 2 * SPARES_FROM_BUSY }, () =>
      post(`http://127.0.0.1:${port}/hooks`, warm).catch((err: NodeJS.ErrnoException) => err.code),
    );

    expect(new Set(await Promise.all(posts))).toEqual(new Set(['ECONNREFUSED']));
    expect(warm.spareCount()).toBe(0);
  });

  test('closes the spares nobody takes after the idle timeout', async () => {
    const receiver = await holdingReceiver();
    const idle = agent({ timeout: 50 });
    const posts = Array.from({ length: SPARES_FROM_BUSY + 1 }, () => post(receiver.url, idle));
    await until(() => receiver.held.length === SPARES_FROM_BUSY + 1);
    receiver.answerAll();
    await Promise.all(posts);

    // Idle keep-alive sockets and spares alike end at the agent's timeout, with the agent still open.
    await until(() => receiver.connections.size === 0);
    expect(idle.spareCount()).toBe(0);
  });

  test('closes every spare on destroy', async () => {
    const receiver = await holdingReceiver();
    const kept = agent();
    const posts = Array.from({ length: SPARES_FROM_BUSY + 1 }, () => post(receiver.url, kept));
    await until(() => receiver.held.length === SPARES_FROM_BUSY + 1 && kept.spareCount() === SPARES_FROM_BUSY + 1);
    receiver.answerAll();
    await Promise.all(posts);

    kept.destroy();
    expect(kept.spareCount()).toBe(0);
    await until(() => receiver.connections.size === 0);
  });
});

'use strict';
const http = require('node:http');
const { runLoad } = require('./load');

/** A loopback server whose answer to each request `handle` decides; closed after the test. */
let server;
let base;
let handle;
beforeAll(async () => {
  server = http.createServer((req, res) => handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const paced = (options) => runLoad({ base, request: { method: 'GET', path: '/status' }, expect: 200, ...options });

describe('the paced load (E221)', () => {
  it('sends rate × seconds requests and keeps every one', async () => {
    handle = (_req, res) => res.end('{"status":"paid"}');
    const run = await paced({ connections: 4, rate: 200, seconds: 0.25 });
    expect(run.statuses).toEqual({ 200: 50 });
    expect(run.ok).toBe(50);
    expect(run.samples).toHaveLength(50);
    expect(run.errors + run.timeouts).toBe(0);
    expect(run.times.p99).toBeGreaterThanOrEqual(run.times.p50);
  });

  it('times each request from when it was due, also when this process sent it late', async () => {
    // 20 ms into the run this process (where the load runs too) is blocked for 200 ms: the requests
    // due meanwhile go out late, together, and their times include the delay; timed from their send,
    // each would show about a millisecond.
    handle = (_req, res) => res.end('{}');
    setTimeout(() => {
      const until = Date.now() + 200;
      while (Date.now() < until);
    }, 20);
    const run = await paced({ connections: 10, rate: 100, seconds: 0.3 });
    expect(run.ok).toBe(30);
    expect(run.times.max).toBeGreaterThanOrEqual(150);
  });

  it("counts the wait for a busy server's socket", async () => {
    // One connection, an answer after 50 ms, a request due every 10 ms: request k cannot end before
    // 50 × (k + 1) ms, so the last of ten waited at least 410 ms from its due time; timed from when
    // it got the socket it would show about 50 ms.
    handle = (_req, res) => setTimeout(() => res.end('{}'), 50);
    const run = await paced({ connections: 1, rate: 100, seconds: 0.1 });
    expect(run.ok).toBe(10);
    expect(run.times.max).toBeGreaterThanOrEqual(410);
    expect(run.p99).toBeGreaterThanOrEqual(410);
  });

  it('counts other answers, cut-off answers and timeouts, and keeps their times', async () => {
    let n = 0;
    handle = (req, res) => {
      n += 1;
      if (n % 4 === 1) res.writeHead(500).end('{}');
      else if (n % 4 === 2) {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"cut');
        setTimeout(() => req.socket.destroy(), 5);
      } else if (n % 4 === 3)
        return; // never answers
      else res.end('{}');
    };
    const run = await paced({ connections: 8, rate: 200, seconds: 0.04, deadlineMs: 1000 });
    expect(run.samples).toHaveLength(8);
    expect(run.statuses).toEqual({ 200: 2, 500: 2 });
    expect(run.ok).toBe(2);
    expect(run.errors).toBe(2);
    expect(run.timeouts).toBe(2);
    expect(run.times.max).toBeGreaterThanOrEqual(990); // timers keep whole milliseconds
  });
});

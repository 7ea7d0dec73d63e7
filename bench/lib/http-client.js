'use strict';
/** A tiny loopback HTTP client for setup calls and readiness probes (the load itself is autocannon's). */
const http = require('node:http');
const net = require('node:net');

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/**
 * Resolves {status, body, text}; `body` is parsed JSON when the response is JSON. Never follows
 * redirects. `agent` replaces the shared keep-alive agent (32 sockets).
 */
function request(base, { method = 'GET', path, headers = {}, body, timeoutMs = 30_000, keepAlive = true, ...options }) {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: keepAlive ? (options.agent ?? agent) : false,
        headers: {
          accept: 'application/json',
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          if (/json/.test(String(res.headers['content-type']))) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
          }
          resolve({ status: res.statusCode, headers: res.headers, body: parsed, text });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Throws unless the status is the expected one; returns the parsed body. */
async function expectStatus(base, options, status) {
  const res = await request(base, options);
  if (res.status !== status) {
    throw new Error(
      `${options.method ?? 'GET'} ${options.path} answered ${res.status}, expected ${status}: ${res.text.slice(0, 300)}`,
    );
  }
  return res.body;
}

/**
 * Polls until `path` answers 200, every `intervalMs`; rejects when `child` exits first or after
 * `timeoutMs`. Each probe uses a fresh connection, as a client meeting a just-started server would.
 */
async function waitForOk(base, { path, headers = {}, timeoutMs = 60_000, intervalMs = 5, child }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before answering ${path}: ${child.stderrTail?.() ?? ''}`,
      );
    }
    try {
      const res = await request(base, { path, headers, timeoutMs: 2000, keepAlive: false });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no 200 from ${base}${path} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A port that was free a moment ago on 127.0.0.1 (the child binds it right after). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function closeAgent() {
  agent.destroy();
}

module.exports = { request, expectStatus, waitForOk, freePort, closeAgent };

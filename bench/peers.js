'use strict';
/**
 * The stateless peers the mock is measured against: `node bench/peers.js node <port>` (bare
 * node:http, the floor) or `node bench/peers.js express <port>` (bare Express 5: routing,
 * express.json(), res.json()). Every operation of spec/partner-api.yaml with a JSON example answers
 * its first success response's first example, as Prism does (E180), so the peers pay for JSON and
 * sockets and nothing else; an operation without one answers 404 (bench/scenarios.json uses none).
 * `node bench/peers.js receiver <port>` is the webhook receiver of webhooks at volume (E181).
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const YAML = require('yaml');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** [{method, expressPath, pattern, status, text}] from the spec's examples, literal paths before templated ones. */
function specRoutes(file = path.join(__dirname, '..', 'spec', 'partner-api.yaml')) {
  const spec = YAML.parse(fs.readFileSync(file, 'utf8'));
  const routes = [];
  for (const [template, item] of Object.entries(spec.paths))
    for (const method of METHODS) {
      const responses = Object.entries(item[method]?.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      for (const [code, response] of responses) {
        const examples = response.content?.['application/json']?.examples;
        const example = examples && Object.values(examples)[0];
        if (!example) continue;
        const regex = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
        routes.push({
          method: method.toUpperCase(),
          expressPath: template.replace(/\{([^}]+)\}/g, ':$1'),
          pattern: new RegExp(`^${regex}$`),
          status: Number(code),
          text: JSON.stringify(example.value),
          templated: template.includes('{'),
        });
        break;
      }
    }
  routes.push({ method: 'GET', expressPath: '/health', pattern: /^\/health$/, status: 200, text: '{"ok":true}' });
  return routes.sort((a, b) => Number(Boolean(a.templated)) - Number(Boolean(b.templated)));
}

function answer(res, status, text) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function nodePeer(routes) {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        answer(res, 400, '{"error":"bad json"}');
        return;
      }
      const pathname = req.url.split('?')[0];
      const route = routes.find((r) => r.method === req.method && r.pattern.test(pathname));
      if (route) answer(res, route.status, route.text);
      else answer(res, 404, '{"error":"no route"}');
    });
  });
}

function expressPeer(routes) {
  const express = require('express');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));
  for (const route of routes) {
    const body = JSON.parse(route.text);
    app[route.method.toLowerCase()](route.expressPath, (_req, res) => res.status(route.status).json(body));
  }
  return http.createServer(app);
}

/**
 * A webhook receiver in a process of its own, so the load generator's work does not delay it: it
 * answers 200 and keeps when (process.hrtime, the same monotonic clock in every process on Linux)
 * each payment's first payment.completed arrived; an IPC message {type: 'arrivals'} asks for them.
 */
function receiver() {
  const arrivals = {};
  process.on('message', (message) => {
    if (message?.type === 'arrivals') process.send({ type: 'arrivals', arrivals });
  });
  process.channel?.unref();
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = process.hrtime.bigint();
      answer(res, 200, '{"received":true}');
      if (chunks.length === 0) return; // the health check
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (event.event === 'payment.completed') arrivals[event.data.paymentId] ??= String(at);
    });
  });
}

if (require.main === module) {
  const [kind, port] = process.argv.slice(2);
  const make = { node: nodePeer, express: expressPeer, receiver }[kind];
  if (!make || !Number(port)) throw new Error('usage: node bench/peers.js node|express|receiver <port>');
  const server = make(specRoutes());
  server.keepAliveTimeout = 65_000;
  server.listen(Number(port), '127.0.0.1');
  process.on('SIGTERM', () => process.exit(0));
}

module.exports = { specRoutes };

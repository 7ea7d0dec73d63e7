'use strict';
/** The floor: node:http answering fixed JSON (it still reads and parses JSON bodies). Usage: bare-node.js <port> */
const http = require('node:http');
const { routes } = require('./fixed-responses');

const port = Number(process.argv[2]);
const table = routes.map((r) => ({ ...r, text: JSON.stringify(r.body) }));
const notFound = JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'no route' });

function answer(res, status, text) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (chunks.length > 0) {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        answer(res, 400, '{"error":"bad json"}');
        return;
      }
    }
    const pathname = req.url.split('?')[0];
    const route = table.find((r) => r.method === req.method && r.pattern.test(pathname));
    if (route) answer(res, route.status, route.text);
    else answer(res, 404, notFound);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));

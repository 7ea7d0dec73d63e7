'use strict';
/** The Express 5 ceiling: routing + express.json() + res.json() of fixed bodies. Usage: bare-express.js <port> */
const express = require('express');
const { routes } = require('./fixed-responses');

const port = Number(process.argv[2]);
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: '1mb' }));
for (const route of routes) {
  app[route.method.toLowerCase()](route.expressPath, (_req, res) => {
    res.status(route.status).json(route.body);
  });
}
const server = app.listen(port, '127.0.0.1');
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => process.exit(0));

#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'mock-server', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('acountpay-mock is not built yet: run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
require(entry).runCli(process.argv);

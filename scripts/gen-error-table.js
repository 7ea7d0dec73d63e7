#!/usr/bin/env node
// Writes README.md's table of error codes from the error catalogue (mock-server/src/http/api-error.ts,
// E150), between its marker comments. It reads the catalogue as `npm run build` compiled it to dist/;
// mock-server/src/http/error-table.test.ts fails whenever the README's table differs from the catalogue.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stale = ['api-error', 'error-table'].filter((name) => {
  const source = path.join(root, 'mock-server', 'src', 'http', `${name}.ts`);
  const compiled = path.join(root, 'dist', 'mock-server', 'src', 'http', `${name}.js`);
  return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs;
});
if (stale.length > 0) {
  process.stderr.write(`dist/ is missing or older than ${stale.join('.ts, ')}.ts: run \`npm run build\` first.\n`);
  process.exit(1);
}
const { withErrorTable } = require(path.join(root, 'dist', 'mock-server', 'src', 'http', 'error-table'));
const readmePath = path.join(root, 'README.md');
const before = fs.readFileSync(readmePath, 'utf8');
const after = withErrorTable(before);
if (after !== before) fs.writeFileSync(readmePath, after);
process.stdout.write(`README.md: error codes table ${after === before ? 'unchanged' : 'updated'}\n`);

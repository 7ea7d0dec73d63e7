'use strict';
/** Where the project and its compiled build are, and the default partner credential the bench sends. */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

function requireDist(relative) {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(`${file}.js`)) {
    throw new Error(`${path.relative(ROOT, file)}.js is missing: run \`npm run build\` first (npm ci builds too).`);
  }
  return require(file);
}

/** Throws a clear message when the mock has not been built. */
function assertBuilt() {
  requireDist('mock-server/src/main');
}

/** The credential the mock prints at start (and that generated scenarios give partner 1). */
function partnerHeaders() {
  const { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } = requireDist('fixtures/src/magic');
  return { 'x-partner-client-id': DEFAULT_CLIENT_ID, 'x-partner-client-secret': DEFAULT_CLIENT_SECRET };
}

module.exports = { ROOT, DIST, requireDist, assertBuilt, partnerHeaders };

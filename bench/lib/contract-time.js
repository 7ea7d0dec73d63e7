'use strict';
/** Wall time of the in-process contract suite (`jest --selectProjects contract`), when there is one. */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { spawnNode, stopChild } = require('./children');
const { ROOT } = require('./project');

function hasContractTests(dir = path.join(ROOT, 'contract-tests')) {
  if (!fs.existsSync(dir)) return false;
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .some((e) => e.isFile() && e.name.endsWith('.test.ts'));
}

/** Resolves {ms, exitCode, summary} or null when contract-tests/ holds no test file. */
async function timeContractSuite({ timeoutMs = 15 * 60_000 } = {}) {
  if (!hasContractTests()) return null;
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const started = performance.now();
  const child = spawnNode([jest, '--selectProjects', 'contract', '--ci'], { cwd: ROOT });
  const timer = setTimeout(() => stopChild(child, { signal: 'SIGKILL' }), timeoutMs);
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  const summary = child
    .stderrTail()
    .split('\n')
    .filter((line) => /^(Test Suites|Tests):/.test(line.trim()))
    .map((line) => line.trim())
    .join('; ');
  return { ms: performance.now() - started, exitCode: code ?? signal, summary };
}

module.exports = { timeContractSuite };

'use strict';
/**
 * Child processes of a bench run: every spawn goes through here, so that an error, Ctrl-C or a
 * normal exit kills whatever is still running (a server left behind would skew the next run).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const running = new Set();
let workDir = null;

/** A temporary directory for logs, scenario files and profiles; removed when the process exits. */
function benchTmpDir() {
  if (!workDir) workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acountpay-bench-'));
  return workDir;
}

/** The parent's environment without the mock's own variables, so flags alone decide its config. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('ACOUNTPAY_') || key === 'PORT' || key === 'NODE_ENV' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Starts `node <args>` with stdout sent to `logFile` (a file consumes the mock's pino output at the
 * cost a deployment pays, without the load generator having to read it) and keeps the stderr tail
 * for error messages. `ipc` opens a channel (for probe.js).
 */
function spawnNode(args, { logFile, env, cwd, ipc = false } = {}) {
  const out = logFile ? fs.openSync(logFile, 'w') : 'ignore';
  const stdio = ['ignore', out, 'pipe', ...(ipc ? ['ipc'] : [])];
  const child = spawn(process.execPath, args, { cwd, env: env ?? cleanEnv(), stdio });
  if (typeof out === 'number') fs.closeSync(out);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stderrTail = () => stderr.trim();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM (or `signal`), then SIGKILL if the process is still there after `graceMs`. */
function stopChild(child, { signal = 'SIGTERM', graceMs = 5000 } = {}) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

function killAll() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
  if (workDir) {
    fs.rmSync(workDir, { recursive: true, force: true });
    workDir = null;
  }
}

let installed = false;
/** Kills every child on exit, on SIGINT/SIGTERM and on an uncaught error. Idempotent. */
function installExitHooks() {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping ${running.size} child process(es)\n`);
      killAll();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`bench: ${err.stack ?? err}\n`);
    killAll();
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
    killAll();
    process.exit(1);
  });
}

module.exports = { benchTmpDir, cleanEnv, spawnNode, stopChild, killAll, installExitHooks };

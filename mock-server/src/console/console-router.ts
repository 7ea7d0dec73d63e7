/**
 * The QA console (issue 14, E70) at `/__console`, on the mock's own port: one HTML page, its
 * ES modules from `mock-server/console/` and the two small libraries it uses (preact, htm), all
 * served from memory, read once. The page holds no data; everything it shows comes from the
 * control API and the Partner API. Also serves the test receiver (E73) at `/__receiver`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler, Response } from 'express';
import { PACKAGE_ROOT } from '../../../spec';
import { listNamedScenarios } from '../../../fixtures/src/scenario-file';
import type { MockConfig } from '../config';
import type { SpecOperation } from '../../../spec';
import type { PublicLinks } from '../shared/links';
import type { WebhookDispatcher } from '../webhooks';
import { RECEIVER_PATH, type TestReceiver } from '../control/test-receiver';
import { escapeHtml } from '../pages/layout';

export const CONSOLE_PATH = '/__console';
export const CONSOLE_DIR = path.join(PACKAGE_ROOT, 'mock-server', 'console');

interface Asset {
  type: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function asset(file: string): Asset {
  return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) };
}

/** The libraries as the browser imports them (an import map names them). */
function vendorFiles(): Map<string, Asset> {
  const preact = path.dirname(require.resolve('preact'));
  const hooks = path.dirname(require.resolve('preact/hooks'));
  const htm = path.dirname(require.resolve('htm'));
  return new Map([
    ['preact.mjs', asset(path.join(preact, 'preact.mjs'))],
    ['hooks.mjs', asset(path.join(hooks, 'hooks.mjs'))],
    ['htm.mjs', asset(path.join(htm, 'htm.mjs'))],
  ]);
}

function consoleFiles(): Map<string, Asset> {
  const files = new Map<string, Asset>();
  for (const name of fs.readdirSync(CONSOLE_DIR).sort())
    if (/^[a-z0-9-]+\.(js|css)$/.test(name)) files.set(name, asset(path.join(CONSOLE_DIR, name)));
  return files;
}

const IMPORT_MAP = JSON.stringify({
  imports: {
    preact: `${CONSOLE_PATH}/vendor/preact.mjs`,
    'preact/hooks': `${CONSOLE_PATH}/vendor/hooks.mjs`,
    htm: `${CONSOLE_PATH}/vendor/htm.mjs`,
  },
});

/** E70: nothing but the mock itself; the import map is the one inline script, allowed by its hash. */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`,
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function send(res: Response, status: number, type: string, body: Buffer | string): void {
  res.status(status);
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(body);
}

/** What the console's page and the test receiver need of the runtime. */
export interface ConsoleParts {
  config: Pick<MockConfig, 'controlToken' | 'paymentExpirySeconds'>;
  partnerApi: { operations: readonly Pick<SpecOperation, 'operationId'>[] };
  dispatcher: Pick<WebhookDispatcher, 'retrySchedule'>;
  links: Pick<PublicLinks, 'base'>;
  receiver: Pick<TestReceiver, 'handle'>;
}

function shell(deps: ConsoleParts, scenarios: { name: string; description: string }[]): string {
  // What the page needs to know about this mock that no API call tells: safe to show anyone.
  const config = {
    tokenRequired: deps.config.controlToken !== null,
    partnerOperations: deps.partnerApi.operations.map((op) => op.operationId),
    scenarios,
    receiverPath: RECEIVER_PATH,
    retrySchedule: deps.dispatcher.retrySchedule(),
    paymentExpirySeconds: deps.config.paymentExpirySeconds,
  };
  // `<` escaped so that no value can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>QA console · acountpay-mock</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${CONSOLE_PATH}/assets/console.css">
<script type="importmap">${IMPORT_MAP}</script>
<script type="application/json" id="console-config">${json}</script>
<script type="module" src="${CONSOLE_PATH}/assets/main.js"></script>
</head>
<body>
<noscript><p>The QA console needs JavaScript. Everything it does is also in the control API: ${escapeHtml(deps.links.base())}/__control.</p></noscript>
<div id="app"><p class="loading">Loading the QA console…</p></div>
</body>
</html>`;
}

export function createConsoleRouter(deps: ConsoleParts): RequestHandler {
  let files:
    | { assets: Map<string, Asset>; vendor: Map<string, Asset>; scenarios: { name: string; description: string }[] }
    | undefined;
  const load = () =>
    (files ??= {
      assets: consoleFiles(),
      vendor: vendorFiles(),
      scenarios: listNamedScenarios().map(({ name, description }) => ({ name, description })),
    });

  return (req, res, next) => {
    const { path: url, method } = req;
    if (url === RECEIVER_PATH || url.startsWith(`${RECEIVER_PATH}/`)) {
      if (method === 'POST') return void deps.receiver.handle(req, res, next);
      return void next();
    }
    if (!url.startsWith(CONSOLE_PATH) || (method !== 'GET' && method !== 'HEAD')) return void next();
    if (url === CONSOLE_PATH || url === `${CONSOLE_PATH}/`) {
      send(res, 200, 'text/html; charset=utf-8', shell(deps, load().scenarios));
      return;
    }
    const match = /^\/__console\/(assets|vendor)\/([^/]+)$/.exec(url);
    const found = match && (match[1] === 'assets' ? load().assets : load().vendor).get(match[2]!);
    if (!found) return void next();
    send(res, 200, found.type, found.body);
  };
}

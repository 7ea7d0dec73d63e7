/**
 * createMockServer: the mock on a real port, for the CLI, the contract suite and anyone embedding
 * it. With a state file (E50) the state is read from it before listening and kept in it. `close()`
 * stops taking requests (optionally letting those in flight finish), stops timers and webhook
 * retries, commits what is pending to the state file and closes every connection.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { createApp, createServerClasses } from './app';
import { parseConfig, publicBaseUrl, type MockConfig } from './config';
import { createRuntime, type Runtime, type RuntimeOverrides } from './runtime/runtime';
import { startPersistence } from './persistence/persistence';
import { openSqliteStateStore } from './persistence/sqlite-state-store';
import type { StateStore } from './persistence/state-store';
import type { WorldCounts } from './persistence/world';
import { generateControlToken, isLoopbackHost } from './shared/exposure';

export interface MockServerOptions extends RuntimeOverrides {
  port?: number;
  host?: string;
  config?: Partial<MockConfig>;
  /**
   * Called with the built runtime before the server listens (e.g. to load a scenario); with a state
   * file that already holds a state, not called: the stored state wins (E56).
   */
  prepare?: (runtime: Runtime) => void | Promise<void>;
  /** Where the state lives; by default the SQLite file `config.stateFile`, or nowhere (memory only). */
  stateStore?: StateStore;
  /**
   * E230: how long a request may take to arrive, head and body (default REQUEST_TIMEOUT_MS), and how
   * often Node checks (default a second); tests make them short.
   */
  requestTimeoutMs?: number;
  timeoutCheckMs?: number;
}

/**
 * E230: a request's head and body arrive within 30 s, or Node answers 408 and closes the connection.
 * Node's own limit is 300 s, so a client that declared a chunked body and then stalled held its
 * connection for five minutes (a body declared too large is refused at once, E226). No answer is
 * limited: an event stream stays open.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface CloseOptions {
  /** How long requests in flight may take to finish before their connections are closed; default 0. */
  drainMs?: number;
}

export interface MockServer {
  /** Origin of the API, e.g. http://127.0.0.1:4010 (the API lives under /v1/partner). */
  url: string;
  /** Origin of the /__control API (the same server). */
  controlUrl: string;
  /** Base of the hosted pages (the configured public URL, or url). */
  publicUrl: string;
  port: number;
  clientId: string;
  clientSecret: string;
  /** E32: the token made up at start because the mock listens beyond loopback and was given none. */
  generatedControlToken: string | null;
  config: MockConfig;
  /** The runtime that owns the mock's world (runtime/runtime.ts). */
  deps: Runtime;
  server: http.Server;
  /** What the state file gave back at start; null when there was none or it was new. */
  restored: WorldCounts | null;
  close(options?: CloseOptions): Promise<void>;
}

export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const config = parseConfig(
    { logLevel: 'silent', port: 0 },
    options.config ?? {},
    options.port !== undefined ? { port: options.port } : {},
    options.host !== undefined ? { host: options.host } : {},
  );
  // E32: beyond loopback the control API is never open by accident.
  const generatedControlToken =
    config.controlToken === null && !isLoopbackHost(config.host) ? generateControlToken() : null;
  if (generatedControlToken) config.controlToken = generatedControlToken;
  let port = config.port;
  const deps = createRuntime(config, () => publicBaseUrl(config, port), options);
  const store = options.stateStore ?? (config.stateFile !== null ? openSqliteStateStore(config.stateFile) : null);
  let restored: WorldCounts | null = null;
  const serverClasses = createServerClasses(); // E198
  const server = http.createServer({ ...serverClasses, connectionsCheckingInterval: options.timeoutCheckMs ?? 1000 });
  server.requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(server.headersTimeout, server.requestTimeout);
  // Requests in flight, so that a graceful close can wait for them (and ask for no more on their connection).
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;
  function trackInFlight(_req: http.IncomingMessage, res: http.ServerResponse): void {
    inFlight += 1;
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight -= 1;
      if (draining && inFlight === 0) drained?.();
    });
  }
  try {
    if (store) restored = await startPersistence(deps, store, () => options.prepare?.(deps));
    else await options.prepare?.(deps);
    const app = createApp(deps, serverClasses);
    server.on('request', trackInFlight);
    server.on('request', app);
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    deps.timeline.close();
    deps.dispatcher.close();
    try {
      if (deps.persistence.durable) deps.persistence.close();
      else store?.close();
    } catch {
      // The error that stopped the start is the one to report.
    }
    throw err;
  }

  let closing: Promise<void> | undefined;
  async function close({ drainMs = 0 }: CloseOptions = {}): Promise<void> {
    draining = true;
    deps.live.close(); // E71: event streams never end on their own, so they must not hold the drain
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0 && drainMs > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, drainMs).unref();
      });
    }
    server.closeAllConnections();
    await stopped;
    deps.timeline.close();
    deps.dispatcher.close();
    deps.persistence.close();
  }

  port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    controlUrl: url,
    publicUrl: publicBaseUrl(config, port),
    port,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    generatedControlToken,
    config,
    deps,
    server,
    restored,
    close(options) {
      closing ??= close(options);
      return closing;
    },
  };
}

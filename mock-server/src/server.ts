/**
 * createMockServer: the mock on a real port, for the CLI, the contract suite and anyone embedding
 * it. `close()` stops timers and webhook retries and closes every connection.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { createApp } from './app';
import { parseConfig, publicBaseUrl, type MockConfig } from './config';
import { buildDeps, type AppDeps, type DepsOverrides } from './deps';
import { generateControlToken, isLoopbackHost } from './shared/exposure';

export interface MockServerOptions extends DepsOverrides {
  port?: number;
  host?: string;
  config?: Partial<MockConfig>;
  /** Called with the built deps before the server listens (e.g. to load a scenario). */
  prepare?: (deps: AppDeps) => void | Promise<void>;
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
  deps: AppDeps;
  server: http.Server;
  close(): Promise<void>;
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
  const deps = buildDeps(config, () => publicBaseUrl(config, port), options);
  await options.prepare?.(deps);
  const app = createApp(deps);
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
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
    async close() {
      deps.scheduler.close();
      deps.dispatcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * What the webhook tests share: a webhook record and a server on 127.0.0.1 that is closed, with its
 * open connections, by the test file's cleanups.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRecord } from '../state/records';

export type Cleanups = Array<() => unknown>;

/** An active webhook of partner 1 for the payment events. */
export function webhookRecord(url: string, secret: string, id = 1): WebhookRecord {
  return {
    id,
    partnerId: 1,
    url,
    events: ['payment.completed', 'payment.failed'],
    status: 'active',
    secret,
    lastTriggeredAt: null,
    createdAt: '2026-03-18T11:00:00.000Z',
    updatedAt: '2026-03-18T11:00:00.000Z',
  };
}

/** Listens on a free loopback port; `url` is its `/hooks` path. */
export async function serveOnLoopback(
  handler: http.RequestListener,
  cleanups: Cleanups,
): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks` };
}

/** A loopback port nothing listens on any more: a connection to it is refused. */
export async function closedLoopbackPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A webhook receiver for QA and tests (`acountpay-mock listen`): accepts deliveries on any path,
 * checks the signature and the body against the spec, prints one block per delivery and keeps them
 * for `waitFor`. `respondStatus` makes it answer e.g. 500 to exercise retries.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeJson } from '../http/write-json';
import { checkWebhookBody } from './event-schemas';
import { formatReceivedDelivery, type ReceivedDelivery, type SignatureCheck } from './listener-format';
import { verifyWebhookSignature } from './signature';

export type { ReceivedDelivery } from './listener-format';

export interface WebhookListenerOptions {
  port?: number;
  host?: string;
  /** The webhook secret; without it signatures are not checked. */
  secret?: string;
  /** The path shown in `url`; deliveries are accepted on any path. */
  path?: string;
  /** Receives one multi-line block per delivery. */
  output?: (line: string) => void;
  respondStatus?: number;
  now?: () => Date;
}

export interface WebhookListener {
  url: string;
  port: number;
  received: ReceivedDelivery[];
  /** The first delivery, already received or future, that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (d: ReceivedDelivery) => boolean, timeoutMs?: number): Promise<ReceivedDelivery>;
  setRespondStatus(status: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024; // D33

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function createWebhookListener(options: WebhookListenerOptions = {}): Promise<WebhookListener> {
  const host = options.host ?? '127.0.0.1';
  const output = options.output ?? (() => {});
  const now = options.now ?? (() => new Date());
  let respondStatus = options.respondStatus ?? 200;
  const received: ReceivedDelivery[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);

  function accept(req: http.IncomingMessage, raw: Buffer): ReceivedDelivery {
    const rawBody = raw.toString('utf8');
    const body = parseJson(rawBody);
    const attempt = Number(header(req, 'x-webhook-attempt'));
    let signature: SignatureCheck = 'unchecked';
    if (options.secret !== undefined) {
      signature = verifyWebhookSignature(raw, req.headers['x-webhook-signature'], options.secret)
        ? 'verified'
        : 'invalid';
    }
    return {
      receivedAt: now().toISOString(),
      path: req.url ?? '/',
      headers: req.headers,
      rawBody,
      body,
      event: header(req, 'x-webhook-event') ?? (body as { event?: string } | undefined)?.event ?? null,
      deliveryId: header(req, 'x-webhook-delivery'),
      attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : null,
      signature,
      schemaErrors: body === undefined ? ['the body is not JSON'] : checkWebhookBody(body),
      respondedWith: respondStatus,
    };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        writeJson(res, 413, { error: 'body over 1 MB' });
        return;
      }
      const delivery = accept(req, Buffer.concat(chunks));
      received.push(delivery);
      output(formatReceivedDelivery(delivery));
      const ok = delivery.respondedWith >= 200 && delivery.respondedWith < 300;
      writeJson(
        res,
        delivery.respondedWith,
        ok ? { received: true } : { error: `listener set to answer ${delivery.respondedWith}` },
      );
      events.emit('delivery', delivery);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const path = options.path ?? '/webhooks';

  return {
    url: `http://${urlHost}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    port,
    received,
    waitFor(predicate, timeoutMs = 5000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onDelivery = (d: ReceivedDelivery): void => {
          if (!predicate(d)) return;
          done();
          resolve(d);
        };
        const onClose = (): void => {
          done();
          reject(new Error('the listener closed before a matching delivery arrived'));
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching delivery within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          events.off('delivery', onDelivery);
          events.off('close', onClose);
        };
        events.on('delivery', onDelivery);
        events.on('close', onClose);
      });
    },
    setRespondStatus(status) {
      respondStatus = status;
    },
    close() {
      events.emit('close');
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

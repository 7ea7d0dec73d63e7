/**
 * E73: a webhook receiver inside the mock, at `/__receiver` on the mock's own port, so that QA can
 * watch signed deliveries arrive, make the receiver fail and watch the retries, all from the
 * console (or the control API: `getReceiver`, `updateReceiver`). It keeps the newest
 * RECEIVER_KEEPS deliveries, checks each signature with the secret of the webhook the delivery was
 * sent for, and answers with the status QA chose (200 by default).
 */
import type { RequestHandler } from 'express';
import type { components } from '../../../spec/generated/control-api';
import { writeJson } from '../http/write-json';
import type { Clock } from '../shared/clock';
import type { MockState } from '../state/mock-state';
import { verifyWebhookSignature, type DeliveryStore } from '../webhooks';
import { JOURNAL_BODY_CHARS, maskHeaders } from './request-journal';
import type { LiveFeed } from './live-events';

export const RECEIVER_PATH = '/__receiver';
export const RECEIVER_KEEPS = 100;
/** D33: the same 1 MB limit as request bodies. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A delivery the receiver got; `signature` is `unchecked` when its delivery or webhook is unknown here. */
export type ReceivedWebhook = components['schemas']['ReceivedWebhook'];
/** What `getReceiver` answers. */
export type ReceiverView = components['schemas']['Receiver'];

export interface TestReceiver {
  /** Serves POST /__receiver and any path below it. */
  handle: RequestHandler;
  view(): ReceiverView;
  setRespondStatus(status: number): void;
}

export interface TestReceiverDeps {
  clock: Clock;
  state: MockState;
  deliveries: Pick<DeliveryStore, 'get'>;
  live: LiveFeed;
  baseUrl: () => string;
}

function header(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

export function createTestReceiver(deps: TestReceiverDeps): TestReceiver {
  let respondStatus = 200;
  let nextId = 0;
  const received: ReceivedWebhook[] = [];

  function signatureOf(raw: Buffer, deliveryId: string | null, given: string | undefined) {
    const delivery = deliveryId === null ? undefined : deps.deliveries.get(deliveryId);
    const secret = delivery && deps.state.webhooks.get(delivery.webhookId)?.secret;
    if (secret === undefined) return 'unchecked';
    return verifyWebhookSignature(raw, given, secret) ? 'verified' : 'invalid';
  }

  const handle: RequestHandler = (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        writeJson(res, 413, { error: 'body over 1 MB' });
        return;
      }
      const raw = Buffer.concat(chunks);
      const text = raw.toString('utf8');
      const deliveryId = header(req.headers['x-webhook-delivery']);
      const attempt = Number(header(req.headers['x-webhook-attempt']));
      nextId += 1;
      const entry: ReceivedWebhook = {
        id: nextId,
        receivedAt: deps.clock.now().toISOString(),
        path: req.originalUrl.slice(0, 2048),
        event: header(req.headers['x-webhook-event']),
        deliveryId,
        attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : null,
        signature: signatureOf(raw, deliveryId, header(req.headers['x-webhook-signature']) ?? undefined),
        respondedWith: respondStatus,
        headers: maskHeaders(req.headers),
        body: text.slice(0, JOURNAL_BODY_CHARS),
        truncated: text.length > JOURNAL_BODY_CHARS,
      };
      received.unshift(entry);
      if (received.length > RECEIVER_KEEPS) received.pop();
      const ok = respondStatus >= 200 && respondStatus < 300;
      writeJson(
        res,
        respondStatus,
        ok ? { received: true } : { error: `the test receiver is set to answer ${respondStatus}` },
      );
      const { headers: _headers, body: _body, ...summary } = entry;
      deps.live.publish('receiver', summary);
    });
  };

  return {
    handle,
    view: () => ({ url: `${deps.baseUrl()}${RECEIVER_PATH}`, respondStatus, received: [...received] }),
    setRespondStatus(status) {
      respondStatus = status;
    },
  };
}

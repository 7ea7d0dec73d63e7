/**
 * Steps the control-API tests share: a test merchant, a payment, a webhook pointing at a real
 * receiver on 127.0.0.1, and an independent check of the D28 signature.
 */
import { createHmac } from 'node:crypto';
import {
  buildPaymentCreateRequest,
  buildTestMerchantCreateRequest,
  buildWebhookCreateRequest,
} from '../../fixtures/src';
import { createWebhookListener, type WebhookListener } from '../src/webhooks';
import type { WebhookEventType } from '../src/state/records';
import type { TestApp } from './helpers';

export const ALL_EVENTS: WebhookEventType[] = [
  'payment.completed',
  'payment.failed',
  'merchant.activated',
  'merchant.deactivated',
];

export async function createTestMerchant(
  t: TestApp,
  companyName?: string,
): Promise<{ merchantId: number; clientId: string }> {
  const res = await t.api
    .post('/v1/partner/merchants/test')
    .set(t.auth)
    .send(buildTestMerchantCreateRequest(companyName === undefined ? {} : { companyName }));
  if (res.status !== 201) throw new Error(`createTestMerchant answered ${res.status}: ${JSON.stringify(res.body)}`);
  const body = res.body as { merchantId: number; clientId: string };
  return { merchantId: body.merchantId, clientId: body.clientId };
}

export async function createPayment(
  t: TestApp,
  merchantClientId: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const res = await t.api
    .post('/v1/partner/payments')
    .set({ ...t.auth, ...headers })
    .send(buildPaymentCreateRequest({ merchantClientId }));
  if (res.status !== 201) throw new Error(`createPayment answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { paymentId: number }).paymentId;
}

export async function paymentStatus(t: TestApp, paymentId: number): Promise<string> {
  const res = await t.api.get(`/v1/partner/payments/${paymentId}/status`).set(t.auth);
  return (res.body as { status: string }).status;
}

export interface Receiver {
  listener: WebhookListener;
  webhookId: number;
  secret: string;
}

/** A real receiver, registered through the Partner API for `events`. */
export async function startReceiver(t: TestApp, events: WebhookEventType[] = ALL_EVENTS): Promise<Receiver> {
  const listener = await createWebhookListener({ host: '127.0.0.1', port: 0 });
  const res = await t.api
    .post('/v1/partner/webhooks')
    .set(t.auth)
    .send(buildWebhookCreateRequest({ url: listener.url, events }));
  if (res.status !== 201) {
    await listener.close();
    throw new Error(`createWebhook answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const body = res.body as { id: number; secret: string };
  return { listener, webhookId: body.id, secret: body.secret };
}

/** Sends whatever is due and waits until nothing is in flight; returns how many still wait for a later retry. */
export async function flush(t: TestApp): Promise<number> {
  const res = await t.api.post('/__control/webhook-deliveries/flush');
  if (res.status !== 200) throw new Error(`flush answered ${res.status}`);
  return (res.body as { pending: number }).pending;
}

export async function advanceSeconds(t: TestApp, seconds: number): Promise<void> {
  const res = await t.api.post('/__control/clock/advance').send({ seconds });
  if (res.status !== 200) throw new Error(`advanceClock answered ${res.status}`);
}

/** D28, computed here without the mock's own code: lowercase hex HMAC-SHA256 of the raw body. */
export function expectedSignature(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

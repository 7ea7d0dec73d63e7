/** Builds new delivery records; the body is serialised here once and never again (D28: the signed bytes). */
import { toIso, type Clock } from '../shared/clock';
import type { DeliveryRecord, WebhookEventType, WebhookRecord } from '../state/records';
import { ruleRecord, type DeliveryShape } from './delivery-rules';

export interface DeliveryInput {
  partnerId: number;
  webhook: WebhookRecord;
  event: WebhookEventType;
  timestamp: string;
  data: object;
  paymentId?: number | null;
  merchantId?: number | null;
  /** D26: a delivery sent by the test endpoint; `data.test` becomes true. */
  test?: boolean;
  /** E105: how a webhook behaviour rule shapes this delivery. */
  shape?: DeliveryShape;
}

export function buildDeliveryBody(input: Pick<DeliveryInput, 'event' | 'timestamp' | 'data' | 'test'>): string {
  const data = input.test ? { ...input.data, test: true } : input.data;
  // D27: the envelope, in this key order.
  return JSON.stringify({ event: input.event, timestamp: input.timestamp, data });
}

type DeliverySource = Pick<
  DeliveryRecord,
  'partnerId' | 'webhookId' | 'url' | 'event' | 'body' | 'paymentId' | 'merchantId' | 'test'
>;

export function newDeliveryRecord(id: string, source: DeliverySource, clock: Clock): DeliveryRecord {
  const now = toIso(clock.now());
  return {
    id,
    partnerId: source.partnerId,
    webhookId: source.webhookId,
    url: source.url,
    event: source.event,
    body: source.body,
    paymentId: source.paymentId,
    merchantId: source.merchantId,
    test: source.test,
    outcome: 'pending',
    attempts: [],
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

export function deliveryFromInput(id: string, input: DeliveryInput, clock: Clock): DeliveryRecord {
  const record = newDeliveryRecord(
    id,
    {
      partnerId: input.partnerId,
      webhookId: input.webhook.id,
      url: input.webhook.url,
      event: input.event,
      body: buildDeliveryBody(input),
      paymentId: input.paymentId ?? null,
      merchantId: input.merchantId ?? null,
      test: input.test ?? false,
    },
    clock,
  );
  if (input.shape) record.rule = ruleRecord(input.shape);
  return record;
}

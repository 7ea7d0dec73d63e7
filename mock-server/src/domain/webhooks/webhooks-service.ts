/**
 * D26: webhook endpoints of a partner, and the fan-out of domain events to them (D27, D29): every
 * committed event becomes one delivery per active endpoint of that partner subscribed to it.
 */
import type { Logger } from 'pino';
import type { components } from '../../../../spec/generated/partner-api';
import { drawRuleDelay, type RuleSubject, type StoredRule } from '../../../../fixtures/src/rules';
import { apiError } from '../../http/api-error';
import type { DomainEvent } from '../../shared/events';
import type { PartnerRecord, WebhookEventType, WebhookRecord } from '../../state/records';
import type { WebhookDispatcher } from '../../webhooks';
import type { DeliveryShape } from '../../webhooks/delivery-rules';
import type { ResponseHold } from '../rules/response-hold';
import { paymentSubject, type RulesService } from '../rules/rules-service';
import { responseFields } from '../response-fields';
import type { ServiceDeps } from '../service-deps';

type Webhook = components['schemas']['Webhook'];
type WebhookWithSecret = components['schemas']['WebhookWithSecret'];
type WebhookCreate = components['schemas']['WebhookCreateRequest'];
type WebhookUpdate = components['schemas']['WebhookUpdateRequest'];
type WebhookTestResult = components['schemas']['WebhookTestResult'];

/** The endpoint's fields as the spec lists them, never its secret (D26, E175). */
export const toWebhookResponse: (w: WebhookRecord) => Webhook = responseFields('Webhook', ['secret']);

/** D26: the sample `data` of a test delivery, per event type. */
function sampleData(event: WebhookEventType, at: string): object {
  if (event === 'merchant.activated' || event === 'merchant.deactivated') {
    return {
      merchantId: 42,
      clientId: 'a1b2c3d4-e5f6-4789-abcd-1234567890ab',
      companyName: 'Restaurant XYZ ApS',
      status: event === 'merchant.activated' ? 'active' : 'inactive',
    };
  }
  const paid = event === 'payment.completed';
  return {
    paymentId: 456,
    referenceNumber: 'ORDER-123',
    status: paid ? 'paid' : 'failed',
    amount: 149.5,
    currency: 'DKK',
    merchantClientId: 'a1b2c3d4-e5f6-4789-abcd-1234567890ab',
    merchantName: 'Restaurant XYZ ApS',
    bankPaymentStatus: paid ? 'AcceptedSettlementCompleted' : 'Rejected',
    storeId: null,
    registerId: null,
    paidAt: paid ? at : null,
  };
}

export interface WebhooksDeps extends ServiceDeps {
  dispatcher: WebhookDispatcher;
  logger: Logger;
  rules: Pick<RulesService, 'webhookRuleFor'>;
  hold: ResponseHold;
  random: () => number;
}

export function createWebhooksService(deps: WebhooksDeps) {
  const { state, clock, ids, events, dispatcher, rules, hold, random } = deps;

  function find(partner: PartnerRecord, id: number): WebhookRecord {
    const webhook = state.webhooks.get(id);
    if (!webhook || webhook.partnerId !== partner.id) throw apiError('webhook_not_found', id); // D2
    return webhook;
  }

  /** E105: what the event is matched by: its payment, or its merchant. */
  function subjectOf(event: DomainEvent): RuleSubject {
    if ('clientId' in event.data) return { event: event.type, merchantClientId: event.data.clientId };
    const payment = state.payments.get(event.data.paymentId);
    if (payment) return paymentSubject(payment, event.type);
    return { event: event.type, merchantClientId: event.data.merchantClientId };
  }

  /** E105: what a webhook behaviour rule does to one delivery, its delay drawn for that delivery. */
  function shapeFor(rule: StoredRule): DeliveryShape | undefined {
    const behaviour = rule.webhook;
    if (!behaviour) return undefined;
    const { duplicate, outOfOrder, beforeResponse, dropFirst } = behaviour;
    return {
      ruleId: rule.id,
      ...(duplicate !== undefined && { duplicate }),
      ...(behaviour.delay !== undefined && { delayMs: drawRuleDelay(behaviour, random) }),
      ...(outOfOrder && { outOfOrder }),
      ...(beforeResponse && { beforeResponse }),
      ...(dropFirst !== undefined && { dropFirst }),
    };
  }

  function fanOut(event: DomainEvent): void {
    // Payment deliveries also carry their merchant, so QA can list every delivery about a merchant.
    const merchantId =
      'merchantId' in event.data
        ? event.data.merchantId
        : (state.merchantByClientId(event.data.merchantClientId)?.id ?? null);
    // The first webhook behaviour rule that matches the event, found once for all its deliveries.
    const rule = state.rules.length > 0 ? rules.webhookRuleFor(subjectOf(event)) : undefined;
    for (const webhook of state.webhooksOf(event.partnerId)) {
      if (webhook.status !== 'active' || !webhook.events.includes(event.type)) continue;
      const shape = rule && shapeFor(rule);
      // E105 beforeResponse: inside a create request, its answer waits for this delivery's first attempt.
      let firstAttempt: Promise<void> | undefined;
      let onFirstAttempt: (() => void) | undefined;
      if (shape?.beforeResponse && hold.active()) firstAttempt = new Promise((resolve) => (onFirstAttempt = resolve));
      const delivery = dispatcher.enqueue(
        {
          partnerId: event.partnerId,
          webhook,
          event: event.type,
          timestamp: event.timestamp,
          data: event.data,
          paymentId: 'paymentId' in event.data ? event.data.paymentId : null,
          merchantId,
          ...(shape && { shape }),
        },
        onFirstAttempt && { onFirstAttempt },
      );
      hold.note({ id: delivery.id, ...(shape && { ruleId: shape.ruleId }), ...(firstAttempt && { firstAttempt }) });
    }
  }
  events.subscribe(fanOut);

  return {
    list: (partner: PartnerRecord) => state.webhooksOf(partner.id).map(toWebhookResponse),

    create(partner: PartnerRecord, input: WebhookCreate): WebhookWithSecret {
      const now = clock.now().toISOString();
      const webhook: WebhookRecord = {
        id: state.nextId('webhook'),
        partnerId: partner.id,
        url: input.url,
        events: [...input.events],
        status: 'active',
        secret: `whsec_${ids.hex(24)}`,
        lastTriggeredAt: null,
        createdAt: now,
        updatedAt: now,
      };
      state.addWebhook(webhook);
      return { ...toWebhookResponse(webhook), secret: webhook.secret };
    },

    update(partner: PartnerRecord, id: number, input: WebhookUpdate): Webhook {
      const webhook = find(partner, id);
      webhook.url = input.url;
      webhook.events = [...input.events];
      if (input.status) webhook.status = input.status;
      webhook.updatedAt = clock.now().toISOString();
      state.touch('webhooks', webhook);
      return toWebhookResponse(webhook);
    },

    remove(partner: PartnerRecord, id: number): Webhook {
      const webhook = find(partner, id);
      state.removeWebhook(webhook);
      return toWebhookResponse(webhook);
    },

    /** D26: one sample event of the first subscribed type, `data.test: true`, one attempt, awaited. */
    async sendTest(partner: PartnerRecord, id: number): Promise<WebhookTestResult> {
      const webhook = find(partner, id);
      const event = webhook.events[0]!;
      const timestamp = clock.now().toISOString();
      const delivery = await dispatcher.sendOnce({
        partnerId: partner.id,
        webhook,
        event,
        timestamp,
        data: sampleData(event, timestamp),
        test: true,
      });
      const attempt = delivery.attempts[delivery.attempts.length - 1];
      return {
        deliveryId: delivery.id,
        webhookId: webhook.id,
        event,
        success: delivery.outcome === 'delivered',
        statusCode: attempt?.statusCode ?? null,
        durationMs: Math.round(attempt?.durationMs ?? 0),
        error: attempt?.error ?? null,
      };
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;

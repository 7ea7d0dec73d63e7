/**
 * D20: what the customer's bank decides on the real platform, done by QA. Control is cross-partner:
 * payment ids are global here, and the payments service owns the rules (409 once final) and events.
 * E106: a payment explained: the rule that decided it, its deliveries and their rules, its requests.
 */
import type { PaymentParts } from './control-parts';
import { ok, type ControlHandlers } from '../http/handler';
import type { PaymentRecord } from '../state/records';
import type { components } from '../../../spec/generated/control-api';

export function toControlPayment(p: PaymentRecord): components['schemas']['ControlPayment'] {
  return {
    paymentId: p.id,
    status: p.status,
    bankPaymentStatus: p.bankPaymentStatus,
    partnerId: p.partnerId,
    merchantId: p.merchantId,
    updatedAt: p.updatedAt,
  };
}

export function createControlPaymentHandlers({ services, deliveries, journal }: PaymentParts) {
  const { payments } = services;
  const find = (id: number) => payments.findById(id); // 404 for an unknown id

  return {
    getPayment(ctx) {
      const p = find(ctx.params.paymentId);
      // A payment has a few deliveries (one per webhook and event, and a rule's duplicates): one page holds
      // them. Its partner's log is searched, not every partner's.
      const about = deliveries.list({ partnerId: p.partnerId, paymentId: p.id, page: 1, limit: 100 }).items.reverse();
      return ok({
        ...toControlPayment(p),
        merchantClientId: p.merchantClientId,
        amount: p.amount,
        currency: p.currency,
        referenceNumber: p.referenceNumber,
        storeId: p.storeId,
        registerId: p.registerId,
        createdAt: p.createdAt,
        expiresAt: p.expiresAt,
        paidAt: p.paidAt,
        outcomeRule: p.outcomeRule ?? null,
        deliveries: about.map((d) => ({
          id: d.id,
          webhookId: d.webhookId,
          event: d.event,
          outcome: d.outcome,
          attemptCount: d.attempts.length,
          rule: d.rule ?? null,
        })),
        requests: journal.list({ paymentId: p.id, limit: 100 }).requests,
      });
    },

    completePayment(ctx) {
      return ok(toControlPayment(payments.complete(find(ctx.params.paymentId), ctx.body?.bank)));
    },
    failPayment(ctx) {
      return ok(toControlPayment(payments.fail(find(ctx.params.paymentId), ctx.body?.reason ?? 'rejected')));
    },
    expirePayment: (ctx) => ok(toControlPayment(payments.expire(find(ctx.params.paymentId)))),
  } satisfies Partial<ControlHandlers>;
}

/**
 * D20: what the customer's bank decides on the real platform, done by QA. Control is cross-partner:
 * payment ids are global here, and the payments service owns the rules (409 once final) and events.
 */
import type { AppDeps } from '../deps';
import { ok, type HandlerTable } from '../http/handler';
import type { PaymentRecord } from '../state/records';
import type { ControlPayment } from './control-types';

export function toControlPayment(p: PaymentRecord): ControlPayment {
  return {
    paymentId: p.id,
    status: p.status,
    bankPaymentStatus: p.bankPaymentStatus,
    partnerId: p.partnerId,
    merchantId: p.merchantId,
    updatedAt: p.updatedAt,
  };
}

export function createControlPaymentHandlers({ services }: Pick<AppDeps, 'services'>): HandlerTable {
  const { payments } = services;
  const find = (id: unknown) => payments.findById(id as number); // 404 for an unknown id

  return {
    completePayment(ctx) {
      const body = (ctx.body ?? {}) as { bank?: string };
      return ok(toControlPayment(payments.complete(find(ctx.params.paymentId), body.bank)));
    },
    failPayment(ctx) {
      const body = (ctx.body ?? {}) as { reason?: string };
      return ok(toControlPayment(payments.fail(find(ctx.params.paymentId), body.reason ?? 'rejected')));
    },
    expirePayment: (ctx) => ok(toControlPayment(payments.expire(find(ctx.params.paymentId)))),
  };
}

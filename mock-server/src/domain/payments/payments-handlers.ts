import type { components } from '../../../../spec/generated/partner-api';
import { created, ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';
import type { PaymentListQuery, PaymentsService } from './payments-service';

type PaymentCreateRequest = components['schemas']['PaymentCreateRequest'];
type RequestLinks = { paymentId: number; ruleIds?: string[]; deliveryIds?: string[] };

/** E106: what the journal entry of this request links to (the payment, the rules and deliveries it set off). */
function linkRequest(ctx: HandlerContext, links: RequestLinks): void {
  const locals = ctx.req.res?.locals;
  if (locals) locals.links = links;
}

export function createPaymentsHandlers(payments: PaymentsService): HandlerTable {
  return {
    async createPayment(ctx: HandlerContext<PaymentCreateRequest>) {
      const creation = payments.createWithEffects(
        partnerOf(ctx),
        ctx.body,
        ctx.headers['x-mock-payment'] as string | undefined,
      );
      const { paymentId, ruleIds, deliveryIds } = creation;
      linkRequest(ctx, {
        paymentId,
        ...(ruleIds.length > 0 && { ruleIds }),
        ...(deliveryIds.length > 0 && { deliveryIds }),
      });
      await creation.ready; // E105 beforeResponse: the settlement webhook's first attempt comes first
      return created(creation.response);
    },
    listPayments: (ctx) => ok(payments.list(partnerOf(ctx), ctx.query as unknown as PaymentListQuery)),
    getPaymentStatus(ctx) {
      const paymentId = ctx.params.paymentId as number;
      const status = payments.status(partnerOf(ctx), paymentId);
      linkRequest(ctx, { paymentId });
      return ok(status);
    },
    async getPaymentQr(ctx) {
      // The validated query always carries the spec's default `format=svg`; the raw query tells
      // whether the client chose a format, so `Accept: image/png` can pick PNG when it did not.
      const image = await payments.qr(partnerOf(ctx), ctx.params.paymentId as number, {
        format: (ctx.req.query as Record<string, unknown>).format,
        accept: ctx.req.headers.accept,
        size: ctx.query.size as number,
      });
      linkRequest(ctx, { paymentId: ctx.params.paymentId as number });
      return { status: 200, body: image.body, contentType: image.contentType };
    },
  };
}

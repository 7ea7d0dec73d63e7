import { linkRequest } from '../../control/request-journal';
import { created, ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { PaymentsService } from './payments-service';

export function createPaymentsHandlers(payments: PaymentsService) {
  return {
    async createPayment(ctx) {
      const creation = payments.createWithEffects(partnerOf(ctx), ctx.body, ctx.headers['x-mock-payment']);
      const { paymentId, ruleIds, deliveryIds } = creation;
      linkRequest(ctx.req.res, {
        paymentId,
        ...(ruleIds.length > 0 && { ruleIds }),
        ...(deliveryIds.length > 0 && { deliveryIds }),
      });
      await creation.ready; // E105 beforeResponse: the settlement webhook's first attempt comes first
      return created(creation.response);
    },
    listPayments: (ctx) => ok(payments.list(partnerOf(ctx), ctx.query)),
    getPaymentStatus(ctx) {
      const { paymentId } = ctx.params;
      const status = payments.status(partnerOf(ctx), paymentId);
      linkRequest(ctx.req.res, { paymentId });
      return ok(status);
    },
    async getPaymentQr(ctx) {
      const { paymentId } = ctx.params;
      // The validated query always carries the spec's default `format=svg`; the raw query tells
      // whether the client chose a format, so `Accept: image/png` can pick PNG when it did not.
      const image = await payments.qr(partnerOf(ctx), paymentId, {
        format: ctx.req.query.format,
        accept: ctx.req.headers.accept,
        size: ctx.query.size,
      });
      linkRequest(ctx.req.res, { paymentId });
      return { status: 200, body: image.body, contentType: image.contentType };
    },
  } satisfies Partial<PartnerHandlers>;
}

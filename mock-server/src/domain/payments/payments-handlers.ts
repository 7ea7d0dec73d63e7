import type { components } from '../../../../spec/generated/control-api';
import { created, ok, partnerOf, type HandlerContext, type PartnerHandlers } from '../../http/handler';
import { linkRequest as link } from '../../control/request-journal';
import type { PaymentsService } from './payments-service';

/** The spec's RequestLinks; a payment's request always links its payment. */
type RequestLinks = components['schemas']['RequestLinks'] & { paymentId: number };

/** E106: what the journal entry of this request links to (the payment, the rules and deliveries it set off). */
const linkRequest = (ctx: Pick<HandlerContext, 'req'>, links: RequestLinks): void => link(ctx.req.res, links);

export function createPaymentsHandlers(payments: PaymentsService) {
  return {
    async createPayment(ctx) {
      const creation = payments.createWithEffects(partnerOf(ctx), ctx.body, ctx.headers['x-mock-payment']);
      const { paymentId, ruleIds, deliveryIds } = creation;
      linkRequest(ctx, {
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
      linkRequest(ctx, { paymentId });
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
      linkRequest(ctx, { paymentId });
      return { status: 200, body: image.body, contentType: image.contentType };
    },
  } satisfies Partial<PartnerHandlers>;
}

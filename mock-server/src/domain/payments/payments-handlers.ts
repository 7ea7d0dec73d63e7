import type { components } from '../../../../spec/generated/partner-api';
import { created, ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';
import type { PaymentListQuery, PaymentsService } from './payments-service';

type PaymentCreateRequest = components['schemas']['PaymentCreateRequest'];

export function createPaymentsHandlers(payments: PaymentsService): HandlerTable {
  return {
    createPayment: (ctx: HandlerContext<PaymentCreateRequest>) =>
      created(payments.create(partnerOf(ctx), ctx.body, ctx.headers['x-mock-payment'] as string | undefined)),
    listPayments: (ctx) => ok(payments.list(partnerOf(ctx), ctx.query as unknown as PaymentListQuery)),
    getPaymentStatus: (ctx) => ok(payments.status(partnerOf(ctx), ctx.params.paymentId as number)),
    async getPaymentQr(ctx) {
      // The validated query always carries the spec's default `format=svg`; the raw query tells
      // whether the client chose a format, so `Accept: image/png` can pick PNG when it did not.
      const image = await payments.qr(partnerOf(ctx), ctx.params.paymentId as number, {
        format: (ctx.req.query as Record<string, unknown>).format,
        accept: ctx.req.headers.accept,
        size: ctx.query.size as number,
      });
      return { status: 200, body: image.body, contentType: image.contentType };
    },
  };
}

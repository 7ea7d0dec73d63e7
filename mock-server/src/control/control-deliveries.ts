/** D29: every webhook delivery of every partner, redelivery, and a flush point for tests. */
import type { DeliveryParts } from './control-parts';
import { apiError } from '../http/api-error';
import { ok, type ControlHandlers } from '../http/handler';
import { safePaging } from '../shared/paging';
import { buildDeliveryHeaders, signWebhookBody } from '../webhooks';

export function createControlDeliveryHandlers({ deliveries, dispatcher, state }: DeliveryParts) {
  return {
    listDeliveries(ctx) {
      const { page, limit } = safePaging(ctx.query.page, ctx.query.limit); // E30
      const { items, total } = deliveries.list({ ...ctx.query, page, limit });
      return ok({ deliveries: items, total, page, limit });
    },

    getDelivery(ctx) {
      const delivery = deliveries.get(ctx.params.deliveryId);
      if (!delivery) throw apiError('delivery_not_found', ctx.params.deliveryId);
      // E74: the headers as the latest attempt built them, signed with the webhook's current secret.
      const secret = state.webhooks.get(delivery.webhookId)?.secret;
      const headers =
        secret === undefined
          ? null
          : buildDeliveryHeaders(
              delivery,
              Math.max(delivery.attempts.length, 1),
              signWebhookBody(delivery.body, secret),
            );
      return ok({ ...delivery, headers });
    },

    redeliverDelivery(ctx) {
      const delivery = dispatcher.redeliver(ctx.params.deliveryId);
      if (!delivery) throw apiError('delivery_not_found', ctx.params.deliveryId);
      // A copy as queued: the attempt may start before the response is written.
      return { status: 202, body: structuredClone(delivery) };
    },

    async flushDeliveries() {
      await dispatcher.drain();
      return ok({ pending: dispatcher.pendingCount() });
    },
  } satisfies Partial<ControlHandlers>;
}

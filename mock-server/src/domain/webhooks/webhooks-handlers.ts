import { created, ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { WebhooksService } from './webhooks-service';

export function createWebhooksHandlers(webhooks: WebhooksService) {
  return {
    listWebhooks: (ctx) => ok(webhooks.list(partnerOf(ctx))),
    createWebhook: (ctx) => created(webhooks.create(partnerOf(ctx), ctx.body)),
    updateWebhook: (ctx) => ok(webhooks.update(partnerOf(ctx), ctx.params.webhookId, ctx.body)),
    deleteWebhook: (ctx) => ok(webhooks.remove(partnerOf(ctx), ctx.params.webhookId)),
    testWebhook: async (ctx) => ok(await webhooks.sendTest(partnerOf(ctx), ctx.params.webhookId)),
  } satisfies Partial<PartnerHandlers>;
}

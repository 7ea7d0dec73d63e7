import type { components } from '../../../../spec/generated/partner-api';
import { created, ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';

type Schemas = components['schemas'];
import type { WebhooksService } from './webhooks-service';

export function createWebhooksHandlers(webhooks: WebhooksService): HandlerTable {
  return {
    listWebhooks: (ctx) => ok(webhooks.list(partnerOf(ctx))),
    createWebhook: (ctx: HandlerContext<Schemas['WebhookCreateRequest']>) =>
      created(webhooks.create(partnerOf(ctx), ctx.body)),
    updateWebhook: (ctx: HandlerContext<Schemas['WebhookUpdateRequest']>) =>
      ok(webhooks.update(partnerOf(ctx), ctx.params.webhookId as number, ctx.body)),
    deleteWebhook: (ctx) => ok(webhooks.remove(partnerOf(ctx), ctx.params.webhookId as number)),
    testWebhook: async (ctx) => ok(await webhooks.sendTest(partnerOf(ctx), ctx.params.webhookId as number)),
  };
}

import { created, ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { StoresService } from './stores-service';

export function createStoresHandlers(stores: StoresService) {
  return {
    createStore: (ctx) => created(stores.create(partnerOf(ctx), ctx.params.merchantId, ctx.body)),
    listStores: (ctx) => ok(stores.list(partnerOf(ctx), ctx.params.merchantId)),
    getStore: (ctx) => ok(stores.get(partnerOf(ctx), ctx.params.merchantId, ctx.params.storeId)),
    updateStore: (ctx) => ok(stores.update(partnerOf(ctx), ctx.params.merchantId, ctx.params.storeId, ctx.body)),
    deactivateStore: (ctx) => ok(stores.deactivate(partnerOf(ctx), ctx.params.merchantId, ctx.params.storeId)),
  } satisfies Partial<PartnerHandlers>;
}

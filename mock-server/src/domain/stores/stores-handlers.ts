import type { components } from '../../../../spec/generated/partner-api';
import { created, ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';
import type { StoresService } from './stores-service';

type StoreCreate = components['schemas']['StoreCreateRequest'];
type StoreUpdate = components['schemas']['StoreUpdateRequest'];

const merchantIdOf = (ctx: HandlerContext) => ctx.params.merchantId as number;
const storeIdOf = (ctx: HandlerContext) => ctx.params.storeId as string;

export function createStoresHandlers(stores: StoresService): HandlerTable {
  return {
    createStore: (ctx: HandlerContext<StoreCreate>) =>
      created(stores.create(partnerOf(ctx), merchantIdOf(ctx), ctx.body)),
    listStores: (ctx) => ok(stores.list(partnerOf(ctx), merchantIdOf(ctx))),
    getStore: (ctx) => ok(stores.get(partnerOf(ctx), merchantIdOf(ctx), storeIdOf(ctx))),
    updateStore: (ctx: HandlerContext<StoreUpdate>) =>
      ok(stores.update(partnerOf(ctx), merchantIdOf(ctx), storeIdOf(ctx), ctx.body)),
    deactivateStore: (ctx) => ok(stores.deactivate(partnerOf(ctx), merchantIdOf(ctx), storeIdOf(ctx))),
  };
}

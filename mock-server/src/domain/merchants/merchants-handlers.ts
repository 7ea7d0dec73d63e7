import type { components } from '../../../../spec/generated/partner-api';
import { created, ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';
import type { MerchantStatus } from '../../state/records';
import type { MerchantsService } from './merchants-service';

type MerchantCreate = components['schemas']['MerchantCreateRequest'];
type MerchantFastTrack = components['schemas']['MerchantFastTrackRequest'];
type TestMerchantCreate = components['schemas']['TestMerchantCreateRequest'];

const merchantIdOf = (ctx: HandlerContext) => ctx.params.merchantId as number;

export function createMerchantsHandlers(merchants: MerchantsService): HandlerTable {
  return {
    createMerchant: (ctx: HandlerContext<MerchantCreate>) => created(merchants.create(partnerOf(ctx), ctx.body)),
    fastTrackMerchant: (ctx: HandlerContext<MerchantFastTrack>) =>
      created(merchants.fastTrack(partnerOf(ctx), ctx.body)),
    createTestMerchant: (ctx: HandlerContext<TestMerchantCreate>) =>
      created(merchants.createTest(partnerOf(ctx), ctx.body.companyName)),
    listMerchants: (ctx) =>
      ok(
        merchants.list(partnerOf(ctx), {
          status: ctx.query.status as MerchantStatus | undefined,
          page: ctx.query.page as number,
          limit: ctx.query.limit as number,
        }),
      ),
    getMerchant: (ctx) => ok(merchants.get(partnerOf(ctx), merchantIdOf(ctx))),
    resendOnboarding: (ctx) => ok(merchants.resendOnboarding(partnerOf(ctx), merchantIdOf(ctx))),
  };
}

import { created, ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { MerchantsService } from './merchants-service';

export function createMerchantsHandlers(merchants: MerchantsService) {
  return {
    createMerchant: (ctx) => created(merchants.create(partnerOf(ctx), ctx.body)),
    fastTrackMerchant: (ctx) => created(merchants.fastTrack(partnerOf(ctx), ctx.body)),
    createTestMerchant: (ctx) => created(merchants.createTest(partnerOf(ctx), ctx.body.companyName)),
    listMerchants: (ctx) => ok(merchants.list(partnerOf(ctx), ctx.query)),
    getMerchant: (ctx) => ok(merchants.get(partnerOf(ctx), ctx.params.merchantId)),
    resendOnboarding: (ctx) => ok(merchants.resendOnboarding(partnerOf(ctx), ctx.params.merchantId)),
  } satisfies Partial<PartnerHandlers>;
}

/** D14: activation and deactivation by QA; the merchants service owns the rules (409) and the events. */
import type { MerchantParts } from './control-parts';
import { apiError } from '../http/api-error';
import { ok, type ControlHandlers } from '../http/handler';
import type { MerchantRecord } from '../state/records';
import type { components } from '../../../spec/generated/control-api';

export function toControlMerchant(m: MerchantRecord): components['schemas']['ControlMerchant'] {
  return { merchantId: m.id, clientId: m.clientId, partnerId: m.partnerId, status: m.status, updatedAt: m.updatedAt };
}

export function createControlMerchantHandlers({ state, services }: MerchantParts) {
  function find(id: number): MerchantRecord {
    const merchant = state.merchants.get(id);
    if (!merchant) throw apiError('merchant_not_found', id);
    return merchant;
  }

  return {
    activateMerchant: (ctx) => ok(toControlMerchant(services.merchants.activate(find(ctx.params.merchantId)))),
    deactivateMerchant: (ctx) => ok(toControlMerchant(services.merchants.deactivate(find(ctx.params.merchantId)))),
  } satisfies Partial<ControlHandlers>;
}

/** D14: activation and deactivation by QA; the merchants service owns the rules (409) and the events. */
import type { MerchantParts } from './control-parts';
import { apiError } from '../http/api-error';
import { ok, type HandlerTable } from '../http/handler';
import type { MerchantRecord } from '../state/records';
import type { ControlMerchant } from './control-types';

export function toControlMerchant(m: MerchantRecord): ControlMerchant {
  return { merchantId: m.id, clientId: m.clientId, partnerId: m.partnerId, status: m.status, updatedAt: m.updatedAt };
}

export function createControlMerchantHandlers({ state, services }: MerchantParts): HandlerTable {
  function find(id: unknown): MerchantRecord {
    const merchant = state.merchants.get(id as number);
    if (!merchant) throw apiError('merchant_not_found', id as number);
    return merchant;
  }

  return {
    activateMerchant: (ctx) => ok(toControlMerchant(services.merchants.activate(find(ctx.params.merchantId)))),
    deactivateMerchant: (ctx) => ok(toControlMerchant(services.merchants.deactivate(find(ctx.params.merchantId)))),
  };
}

/**
 * D14/D15: the one place a merchant changes between active and inactive, shared by the hosted
 * onboarding page, the test-merchant endpoint and the QA control API. Events go out only after
 * every change (status, link, default store) is in place.
 */
import { apiError } from '../../http/api-error';
import type { EventBus } from '../../shared/events';
import type { MerchantRecord } from '../../state/records';
import type { ServiceDeps } from '../service-deps';
import type { StoreAddress, StoresService } from '../stores/stores-service';

export interface ActivationDeps extends Pick<ServiceDeps, 'state' | 'clock' | 'events'> {
  stores: Pick<StoresService, 'createDefaultStore'>;
}

function publish(
  events: EventBus,
  type: 'merchant.activated' | 'merchant.deactivated',
  merchant: MerchantRecord,
  timestamp: string,
): void {
  events.publish({
    type,
    partnerId: merchant.partnerId,
    timestamp,
    data: {
      merchantId: merchant.id,
      clientId: merchant.clientId,
      companyName: merchant.companyName,
      status: merchant.status,
    },
  });
}

export function createMerchantActivation({ state, clock, events, stores }: ActivationDeps) {
  /** pending or inactive → active; the first activation also creates "Main Store" (D15). */
  function activate(merchant: MerchantRecord, address?: StoreAddress): MerchantRecord {
    if (merchant.status === 'active') throw apiError('merchant_already_active', merchant.id);
    const now = clock.now().toISOString();
    state.setMerchantStatus(merchant, 'active', now);
    // D11: an open onboarding link is used up once the merchant is active, however it got there.
    state.retireOnboardingToken(merchant);
    stores.createDefaultStore(merchant, address);
    publish(events, 'merchant.activated', merchant, now);
    return merchant;
  }

  /** pending or active → inactive; new payments are then refused with 409 (D14). */
  function deactivate(merchant: MerchantRecord): MerchantRecord {
    if (merchant.status === 'inactive') throw apiError('merchant_already_inactive', merchant.id);
    const now = clock.now().toISOString();
    state.setMerchantStatus(merchant, 'inactive', now);
    // A pending merchant's link must not bring it back: only activation (QA) does.
    state.retireOnboardingToken(merchant);
    publish(events, 'merchant.deactivated', merchant, now);
    return merchant;
  }

  return { activate, deactivate };
}

/** Merchant lookups scoped to one partner (D2), shared by the merchant and store services. */
import { apiError } from '../../http/api-error';
import type { MockState } from '../../state/mock-state';
import type { MerchantRecord, PartnerRecord } from '../../state/records';

/** D2: another partner's merchant answers exactly like a missing one. */
export function findMerchantOfPartner(
  state: MockState,
  partner: Pick<PartnerRecord, 'id'>,
  merchantId: number,
): MerchantRecord {
  const merchant = state.merchants.get(merchantId);
  if (!merchant || merchant.partnerId !== partner.id) throw apiError('merchant_not_found', merchantId);
  return merchant;
}

/** D19: payments name the merchant by its clientId; unknown and foreign both answer 404. */
export function findMerchantByClientId(
  state: MockState,
  partner: Pick<PartnerRecord, 'id'>,
  clientId: string,
): MerchantRecord {
  const merchant = state.merchantByClientId(clientId);
  if (!merchant || merchant.partnerId !== partner.id) throw apiError('merchant_not_found', clientId);
  return merchant;
}

/**
 * D17/D18: the rules a store change must pass. Every check runs before anything changes, so a
 * refused request leaves the state exactly as it was.
 */
import type { components } from '../../../../spec/generated/partner-api';
import { apiError } from '../../http/api-error';
import type { MockState } from '../../state/mock-state';
import type { StoreRecord } from '../../state/records';

type StoreUpdate = components['schemas']['StoreUpdateRequest'];

export function checkLocationIdFree(
  state: MockState,
  merchantId: number,
  locationId: string,
  self?: StoreRecord,
): void {
  const holder = state.storeByLocationId(merchantId, locationId);
  if (holder && holder !== self) throw apiError('location_id_taken', merchantId, locationId);
}

/**
 * D18, judged on the store as it would be after the update:
 * - `isDefault: false` on the default store → 409 (move the default instead);
 * - `isActive: false` is accepted as another way to deactivate (same rule as DELETE: the default
 *   store → 409), since the spec lets PUT carry `isActive` and rejecting only `false` would surprise;
 * - `isDefault: true` on a store that stays deactivated → 409; with `isActive: true` in the same
 *   request the store is reactivated and made default in one step.
 */
export function checkStoreUpdate(state: MockState, store: StoreRecord, patch: StoreUpdate): void {
  if (patch.locationId !== undefined) checkLocationIdFree(state, store.merchantId, patch.locationId, store);
  const willBeActive = patch.isActive ?? store.isActive;
  if (store.isDefault && patch.isDefault === false) throw apiError('default_store_required', store.storeId);
  if (store.isDefault && !willBeActive) throw apiError('default_store_required');
  if (patch.isDefault === true && !willBeActive) throw apiError('store_inactive', store.storeId, 'default');
}

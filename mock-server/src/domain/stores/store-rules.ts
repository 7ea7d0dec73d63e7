/**
 * D17/D18: the rules a store change must pass. Every check runs before anything changes, so a
 * refused request leaves the state exactly as it was.
 */
import type { components } from '../../../../spec/generated/partner-api';
import { errors } from '../../http/api-error';
import type { MockState } from '../../state/mock-state';
import type { StoreRecord } from '../../state/records';

type StoreUpdate = components['schemas']['StoreUpdateRequest'];

export const DEFAULT_STORE_DEACTIVATION_MESSAGE =
  'The default store cannot be deactivated. Set another store as default first by updating it with "isDefault" true.';

export const storeErrors = {
  locationIdTaken: (merchantId: number, locationId: string) =>
    errors.conflict(
      'location_id_taken',
      `locationId ${locationId} is already used by another store of merchant ${merchantId}`,
    ),
  defaultCannotBeDeactivated: () => errors.conflict('default_store_required', DEFAULT_STORE_DEACTIVATION_MESSAGE),
  defaultCannotBeCleared: (storeId: string) =>
    errors.conflict(
      'default_store_required',
      `Store ${storeId} is the default store and "isDefault" cannot be set to false. Choose another default instead by updating that store with "isDefault" true.`,
    ),
  inactiveCannotBeDefault: (storeId: string) =>
    errors.conflict(
      'store_inactive',
      `Store ${storeId} is deactivated and cannot be made the default. Reactivate it with "isActive" true first.`,
    ),
  inactiveForPayment: (storeId: string) =>
    errors.conflict('store_inactive', `Store ${storeId} is deactivated and cannot take payments`),
};

export function checkLocationIdFree(
  state: MockState,
  merchantId: number,
  locationId: string,
  self?: StoreRecord,
): void {
  const holder = state.storeByLocationId(merchantId, locationId);
  if (holder && holder !== self) throw storeErrors.locationIdTaken(merchantId, locationId);
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
  if (store.isDefault && patch.isDefault === false) throw storeErrors.defaultCannotBeCleared(store.storeId);
  if (store.isDefault && !willBeActive) throw storeErrors.defaultCannotBeDeactivated();
  if (patch.isDefault === true && !willBeActive) throw storeErrors.inactiveCannotBeDefault(store.storeId);
}

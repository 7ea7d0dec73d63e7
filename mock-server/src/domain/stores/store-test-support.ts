/** Shared steps of the store HTTP tests (not a test file itself). */
import type { TestApp } from '../../../test/helpers';

export const NOW = '2026-03-18T12:00:00.000Z';
export const LATER = '2026-03-18T12:01:00.000Z';
export const SEED_STORE = {
  name: 'Downtown Branch',
  streetAddress: 'Nørregade 12',
  city: 'København',
  postalCode: '1165',
  countryCode: 'DK',
  phone: '+4512345678',
  email: 'downtown@example.dk',
};

export interface StoreBody {
  storeId: string;
  locationId: string;
  isDefault: boolean;
  isActive: boolean;
  updatedAt: string;
  [key: string]: unknown;
}

export const storePath = (merchantId: number, storeId = '') =>
  `/v1/partner/merchants/${merchantId}/stores${storeId ? `/${storeId}` : ''}`;

/** An active test merchant: it already has its "Main Store" default (D13, D15). */
export async function activeMerchant({ api, auth }: TestApp): Promise<number> {
  const res = await api.post('/v1/partner/merchants/test').set(auth).send({ companyName: 'Test Merchant' });
  return (res.body as { merchantId: number }).merchantId;
}

/** A pending merchant without any store. */
export async function pendingMerchant({ api, auth }: TestApp): Promise<number> {
  const res = await api
    .post('/v1/partner/merchants')
    .set(auth)
    .send({ companyName: 'Restaurant XYZ', contactEmail: 'owner@restaurant-xyz.dk' });
  return (res.body as { merchantId: number }).merchantId;
}

export async function createStore(
  { api, auth }: TestApp,
  merchantId: number,
  body: object = SEED_STORE,
): Promise<StoreBody> {
  const res = await api.post(storePath(merchantId)).set(auth).send(body);
  if (res.status !== 201) throw new Error(`createStore answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as StoreBody;
}

export async function getStore({ api, auth }: TestApp, merchantId: number, storeId: string): Promise<StoreBody> {
  return (await api.get(storePath(merchantId, storeId)).set(auth)).body as StoreBody;
}

export async function defaultStore({ api, auth }: TestApp, merchantId: number): Promise<StoreBody> {
  const res = await api.get(storePath(merchantId)).set(auth);
  return (res.body as { stores: StoreBody[] }).stores.find((s) => s.isDefault)!;
}

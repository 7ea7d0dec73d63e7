/**
 * A partner onboards a merchant and sets up its stores: create the merchant, the merchant completes
 * the hosted onboarding (the form on the mock, or QA's activation), the merchant is active with its
 * default "Main Store" (D15), then the partner adds a branch, makes it the default and deactivates
 * the old one (D18).
 */
import { buildMerchantCreateRequest, buildStoreCreateRequest } from '../../fixtures/src';
import { testWith } from '../support/capabilities';
import { createApi, createControl, type ApiClient, type ResponseBody } from '../support/client';
import { expectSpecResponse } from '../support/provenance';
import { useTarget } from '../support/target';
import { expectOneActiveDefault, listStores, type MerchantOnboarding, type Store } from '../operations/helpers';

type Merchant = ResponseBody<'getMerchant', 200>;

const target = useTarget();

const decodeEntities = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields of the page's first form, by name, with the values the page prefilled. */
function formFields(html: string): Map<string, string> {
  const form = /<form[\s\S]*?<\/form>/i.exec(html)?.[0] ?? '';
  const fields = new Map<string, string>();
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name) fields.set(name, decodeEntities(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? ''));
  }
  return fields;
}

async function createMerchant(api: ApiClient): Promise<MerchantOnboarding> {
  const res = await api.post('/v1/partner/merchants', buildMerchantCreateRequest());
  await expectSpecResponse(target(), res, 'createMerchant', 201);
  expect(res.body).toMatchObject({ status: 'pending_onboarding' });
  return res.body as MerchantOnboarding;
}

async function readMerchant(api: ApiClient, merchantId: number): Promise<Merchant> {
  const res = await api.get(`/v1/partner/merchants/${merchantId}`);
  await expectSpecResponse(target(), res, 'getMerchant', 200);
  return res.body as Merchant;
}

/** Add a branch, make it the default, deactivate the old default; the list tells the story. */
async function moveDefaultToNewBranch(api: ApiClient, merchantId: number, mainStore: Store): Promise<void> {
  const storesPath = `/v1/partner/merchants/${merchantId}/stores`;
  const created = await api.post(storesPath, buildStoreCreateRequest({ name: 'Downtown Branch', isDefault: false }));
  await expectSpecResponse(target(), created, 'createStore', 201);
  const branch = created.body as Store;
  expect(branch).toMatchObject({ isDefault: false, isActive: true });

  const moved = await api.put(`${storesPath}/${branch.storeId}`, { isDefault: true });
  await expectSpecResponse(target(), moved, 'updateStore', 200);
  expect(moved.body).toMatchObject({ storeId: branch.storeId, isDefault: true });

  const deactivated = await api.delete(`${storesPath}/${mainStore.storeId}`);
  await expectSpecResponse(target(), deactivated, 'deactivateStore', 200);
  expect(deactivated.body).toMatchObject({ storeId: mainStore.storeId, isActive: false, isDefault: false });

  const list = await listStores(api, merchantId);
  expect(list.total).toBe(2);
  expect(
    list.stores.map((s) => ({ storeId: s.storeId, name: s.name, isActive: s.isActive, isDefault: s.isDefault })),
  ).toEqual([
    { storeId: mainStore.storeId, name: 'Main Store', isActive: false, isDefault: false },
    { storeId: branch.storeId, name: 'Downtown Branch', isActive: true, isDefault: true },
  ]);
  expect(expectOneActiveDefault(list).storeId).toBe(branch.storeId);
}

describe('flow: onboarding a merchant, then moving its default store', () => {
  testWith('mock')('a merchant that completes the hosted onboarding form gets its stores set up', async () => {
    const api = createApi(target());
    const onboarding = await createMerchant(api);
    expect((await readMerchant(api, onboarding.merchantId)).status).toBe('pending');

    const page = await fetch(onboarding.onboardingUrl);
    expect(page.status).toBe(200);
    const fields = formFields(await page.text());
    for (const name of ['companyName', 'streetAddress', 'postalCode', 'city']) expect(fields.has(name)).toBe(true);
    expect(fields.get('companyName')).toBe(onboarding.companyName);

    fields.set('streetAddress', 'Hovedgaden 1');
    fields.set('postalCode', '1000');
    fields.set('city', 'København K');
    const submitted = await fetch(onboarding.onboardingUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([...fields]).toString(),
    });
    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toMatch(/onboarding complete/i);

    expect((await readMerchant(api, onboarding.merchantId)).status).toBe('active');
    const stores = await listStores(api, onboarding.merchantId);
    expect(stores.total).toBe(1);
    const mainStore = expectOneActiveDefault(stores);
    expect(mainStore).toMatchObject({
      name: 'Main Store',
      streetAddress: 'Hovedgaden 1',
      postalCode: '1000',
      city: 'København K',
      countryCode: 'DK',
    });
    expect(mainStore.locationId).toMatch(/^LOC-\d{8}-[A-Z0-9]{4}$/);

    const reused = await fetch(onboarding.onboardingUrl);
    expect([404, 410]).toContain(reused.status);
    expect(await reused.text()).not.toContain('<form');

    await moveDefaultToNewBranch(api, onboarding.merchantId, mainStore);
  });

  testWith('control')('a merchant that QA activates gets its stores set up', async () => {
    const api = createApi(target());
    const onboarding = await createMerchant(api);
    const activated = await createControl(target()).post(`/__control/merchants/${onboarding.merchantId}/activate`);
    expect(activated.status).toBe(200);
    expect(activated).toMatchSpec();

    expect((await readMerchant(api, onboarding.merchantId)).status).toBe('active');
    const stores = await listStores(api, onboarding.merchantId);
    expect(stores.total).toBe(1);
    const mainStore = expectOneActiveDefault(stores);
    expect(mainStore.name).toBe('Main Store');

    await moveDefaultToNewBranch(api, onboarding.merchantId, mainStore);
  });
});

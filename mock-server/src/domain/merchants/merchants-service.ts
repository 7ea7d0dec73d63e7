/**
 * D8-D14: a partner's merchants. Create and fast-track answer with a hosted onboarding link; the
 * merchant reads `pending` until it finishes onboarding (D9). Activation lives in
 * merchant-activation.ts because the onboarding page and the control API share it.
 */
import type { components } from '../../../../spec/generated/partner-api';
import { apiError } from '../../http/api-error';
import type { PublicLinks } from '../../shared/links';
import { safePaging } from '../../shared/paging';
import type { FastTrackData, MerchantRecord, MerchantStatus, PartnerRecord } from '../../state/records';
import type { ServiceDeps } from '../service-deps';
import { responseFields } from '../response-fields';
import type { StoreAddress, StoresService } from '../stores/stores-service';
import { findMerchantByClientId, findMerchantOfPartner } from './find-merchant';
import { createMerchantActivation } from './merchant-activation';
import { createOnboardingLinks } from './merchant-onboarding';

type Merchant = components['schemas']['Merchant'];
type MerchantList = components['schemas']['MerchantList'];
type MerchantCreate = components['schemas']['MerchantCreateRequest'];
type MerchantFastTrack = components['schemas']['MerchantFastTrackRequest'];
type MerchantOnboarding = components['schemas']['MerchantOnboarding'];
type TestMerchant = components['schemas']['TestMerchant'];

export const TEST_MERCHANT_MESSAGE =
  'Test merchant created and activated. Use the clientId to create payments immediately.';

export interface MerchantsDeps extends ServiceDeps {
  stores: StoresService;
  links: PublicLinks;
}

/** The merchant's fields as the spec lists them (E175). */
export const toMerchantResponse: (m: MerchantRecord) => Merchant = responseFields('Merchant');

export function createMerchantsService(deps: MerchantsDeps) {
  const { state, clock, ids, links } = deps;
  const activation = createMerchantActivation(deps);
  const onboarding = createOnboardingLinks(deps);

  function toOnboardingResponse(m: MerchantRecord): MerchantOnboarding {
    if (!m.onboardingToken || !m.onboardingExpiresAt) throw new Error(`Merchant ${m.id} has no open onboarding link`);
    return {
      merchantId: m.id,
      clientId: m.clientId,
      companyName: m.companyName,
      contactEmail: m.contactEmail,
      onboardingUrl: links.onboarding(m.onboardingToken),
      onboardingToken: m.onboardingToken,
      status: 'pending_onboarding',
      expiresAt: m.onboardingExpiresAt,
    };
  }

  function addMerchant(
    partner: PartnerRecord,
    fields: MerchantCreate,
    extra: { fastTrack?: FastTrackData; isTest?: boolean } = {},
  ): MerchantRecord {
    const now = clock.now().toISOString();
    const merchant: MerchantRecord = {
      id: state.nextId('merchant'),
      partnerId: partner.id,
      clientId: ids.uuid(),
      companyName: fields.companyName,
      contactEmail: fields.contactEmail,
      contactPhone: fields.contactPhone ?? null,
      partnerRefId: fields.partnerRefId ?? null,
      status: 'pending',
      onboardingToken: null,
      onboardingExpiresAt: null,
      fastTrack: extra.fastTrack ?? null,
      isTest: extra.isTest ?? false,
      createdAt: now,
      updatedAt: now,
    };
    state.addMerchant(merchant);
    return merchant;
  }

  function createPending(
    partner: PartnerRecord,
    fields: MerchantCreate,
    fastTrack?: FastTrackData,
  ): MerchantOnboarding {
    const merchant = addMerchant(partner, fields, fastTrack ? { fastTrack } : {});
    onboarding.issue(merchant, Date.parse(merchant.createdAt));
    return toOnboardingResponse(merchant);
  }

  return {
    create: (partner: PartnerRecord, body: MerchantCreate) => createPending(partner, body),

    /** D12: the company data is kept; fields beyond the documented ones are accepted and dropped. */
    fastTrack(partner: PartnerRecord, body: MerchantFastTrack): MerchantOnboarding {
      const { companyName, contactEmail, contactPhone, partnerRefId, registrationNumber, website, iban, bic } = body;
      return createPending(
        partner,
        {
          companyName,
          contactEmail,
          ...(contactPhone !== undefined && { contactPhone }),
          ...(partnerRefId !== undefined && { partnerRefId }),
        },
        { registrationNumber, website, iban, bic: bic ?? null },
      );
    },

    /** D13: active at once, with its default store; `merchant.activated` fires. */
    createTest(partner: PartnerRecord, companyName: string): TestMerchant {
      const merchant = addMerchant(partner, { companyName, contactEmail: '' }, { isTest: true });
      merchant.contactEmail = `test-merchant-${merchant.id}@example.com`;
      state.touch('merchants', merchant);
      activation.activate(merchant);
      return {
        merchantId: merchant.id,
        clientId: merchant.clientId,
        companyName: merchant.companyName,
        status: 'activated',
        message: TEST_MERCHANT_MESSAGE,
      };
    },

    /** D10: newest first, one page through the index (never a scan of every merchant). */
    list(partner: PartnerRecord, query: { status?: MerchantStatus; page: number; limit: number }): MerchantList {
      const { page, limit } = safePaging(query.page, query.limit); // E30
      const { items, total } = state.pageMerchants(partner.id, query.status, page, limit);
      return { merchants: items.map(toMerchantResponse), total, page, limit };
    },

    get: (partner: PartnerRecord, merchantId: number): Merchant =>
      toMerchantResponse(findMerchantOfPartner(state, partner, merchantId)),

    /** D11: only a merchant that is still pending gets a new link. */
    resendOnboarding(partner: PartnerRecord, merchantId: number): MerchantOnboarding {
      const merchant = findMerchantOfPartner(state, partner, merchantId);
      if (merchant.status !== 'pending') throw apiError('merchant_not_pending', merchantId, merchant.status);
      onboarding.issue(merchant);
      return toOnboardingResponse(merchant);
    },

    findForPartner: (partner: Pick<PartnerRecord, 'id'>, merchantId: number) =>
      findMerchantOfPartner(state, partner, merchantId),
    findByClientId: (partner: Pick<PartnerRecord, 'id'>, clientId: string) =>
      findMerchantByClientId(state, partner, clientId),
    activate: activation.activate,
    deactivate: activation.deactivate,

    /** What the hosted page shows for a token: open, expired, used or unknown. */
    onboardingLink: onboarding.find,

    /** The hosted form's submit: the corrected company name is kept, the address goes to "Main Store". */
    completeOnboarding(
      merchant: MerchantRecord,
      details: { companyName?: string; address?: StoreAddress },
    ): MerchantRecord {
      if (merchant.status !== 'pending') throw apiError('merchant_not_pending', merchant.id);
      if (details.companyName) {
        merchant.companyName = details.companyName;
        state.touch('merchants', merchant);
      }
      return activation.activate(merchant, details.address);
    },
  };
}

export type MerchantsService = ReturnType<typeof createMerchantsService>;

/**
 * What the mock stores. These are internal records, not API shapes: routers turn them into the
 * spec's response types (see each domain's `to...Response`). Timestamps are ISO strings (D4).
 *
 * E163: a record is written in the spec's own types wherever its fields are the API's: the
 * response schema with every field present (`Required<>`: the mock always knows it, `null` when
 * unset), plus the fields only the mock keeps (owner ids, secrets, tokens, `updatedAt`).
 */
import type { components as ControlComponents } from '../../../spec/generated/control-api';
import type { components } from '../../../spec/generated/partner-api';

type Schemas = components['schemas'];
type ControlSchemas = ControlComponents['schemas'];

export type MerchantStatus = Schemas['MerchantStatus'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type WebhookEventType = Schemas['WebhookEventType'];

/** The partner as its profile shows it. */
export type PartnerRecord = Required<Schemas['Profile']>;

export type CredentialRecord = Omit<Schemas['Credential'], 'clientSecretLast4'> & {
  partnerId: number;
  /** Kept in memory only to compare in constant time; never logged, never listed. */
  secret: string;
  updatedAt: string;
};

export type FastTrackData = Pick<Schemas['MerchantFastTrackRequest'], 'registrationNumber' | 'website' | 'iban'> & {
  bic: string | null;
};

/** `status` is the mock's own (the spec's list also has the platform's older words, D14). */
export type MerchantRecord = Required<Omit<Schemas['Merchant'], 'status'>> & {
  partnerId: number;
  status: MerchantStatus;
  /** The current onboarding token; null once onboarding is complete (a used link). */
  onboardingToken: string | null;
  onboardingExpiresAt: string | null;
  fastTrack: FastTrackData | null;
  /** Test merchants (D13) are active from the start. */
  isTest: boolean;
  updatedAt: string;
};

/** A store's fields are those a partner sends (optional ones stay absent rather than null). */
export type StoreRecord = Pick<Schemas['Store'], 'storeId' | 'locationId' | 'name' | 'isActive' | 'isDefault'> &
  Omit<Schemas['StoreCreateRequest'], 'name' | 'locationId' | 'isDefault'> & {
    merchantId: number;
    partnerId: number;
    createdAt: string;
    updatedAt: string;
  };

/** E101: what an outcome rule decided for a payment. */
export type OutcomeRuleDecision = ControlSchemas['OutcomeRuleDecision'];

export type PaymentRecord = Required<
  Pick<
    Schemas['PaymentStatusResponse'],
    | 'status'
    | 'amount'
    | 'currency'
    | 'referenceNumber'
    | 'merchantClientId'
    | 'storeId'
    | 'registerId'
    | 'bankPaymentStatus'
    | 'paidAt'
    | 'expiresAt'
    | 'createdAt'
    | 'updatedAt'
  >
> & {
  id: number;
  partnerId: number;
  merchantId: number;
  description: string | null;
  /** Opaque token in the pay page URL (D22). */
  token: string;
  /** The bank the customer picked on the pay page, if any. */
  bank: string | null;
  /** E101: set when an outcome rule matched at creation. */
  outcomeRule?: OutcomeRuleDecision;
};

export type WebhookRecord = Required<Omit<Schemas['Webhook'], 'secret'>> & {
  partnerId: number;
  secret: string;
  updatedAt: string;
};

/** E105, E106: the webhook behaviour rule that shaped a delivery, and what it did. */
export type DeliveryRule = ControlSchemas['DeliveryRule'];

export type DeliveryAttempt = ControlSchemas['DeliveryAttempt'];

/** A delivery as the control API lists it; `body` is the exact bytes sent (and signed), as UTF-8 text. */
export type DeliveryRecord = ControlSchemas['Delivery'];

/**
 * What the mock stores. These are internal records, not API shapes: routers turn them into the
 * spec's response types (see each domain's `to...Response`). Timestamps are ISO strings (D4).
 */
import type { components } from '../../../spec/generated/control-api';

/** E101: what an outcome rule decided for a payment. */
export type OutcomeRuleDecision = components['schemas']['OutcomeRuleDecision'];
/** E105, E106: the webhook behaviour rule that shaped a delivery, and what it did. */
export type DeliveryRule = components['schemas']['DeliveryRule'];
/** E105: an attempt a rule dropped or sent again on purpose. */
export type AttemptRule = components['schemas']['AttemptRule'];

export type PartnerStatus = 'pending' | 'active' | 'suspended';
export type CredentialStatus = 'active' | 'revoked';
export type MerchantStatus = 'pending' | 'active' | 'inactive';
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'expired';
export type WebhookStatus = 'active' | 'inactive';
export type WebhookEventType = 'payment.completed' | 'payment.failed' | 'merchant.activated' | 'merchant.deactivated';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'payment.completed',
  'payment.failed',
  'merchant.activated',
  'merchant.deactivated',
];

export interface PartnerRecord {
  id: number;
  name: string;
  companyName: string;
  contactEmail: string;
  contactPhone: string | null;
  website: string | null;
  registrationNumber: string | null;
  status: PartnerStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialRecord {
  id: number;
  partnerId: number;
  name: string;
  clientId: string;
  /** Kept in memory only to compare in constant time; never logged, never listed. */
  secret: string;
  status: CredentialStatus;
  createdAt: string;
  updatedAt: string;
}

export interface FastTrackData {
  registrationNumber: string;
  website: string;
  iban: string;
  bic: string | null;
}

export interface MerchantRecord {
  id: number;
  partnerId: number;
  clientId: string;
  companyName: string;
  contactEmail: string;
  contactPhone: string | null;
  partnerRefId: string | null;
  status: MerchantStatus;
  /** The current onboarding token; null once onboarding is complete (a used link). */
  onboardingToken: string | null;
  onboardingExpiresAt: string | null;
  fastTrack: FastTrackData | null;
  /** Test merchants (D13) are active from the start. */
  isTest: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StoreRecord {
  storeId: string;
  merchantId: number;
  partnerId: number;
  locationId: string;
  name: string;
  streetAddress?: string;
  city?: string;
  postalCode?: string;
  countryCode: string;
  phone?: string;
  email?: string;
  isActive: boolean;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentRecord {
  id: number;
  partnerId: number;
  merchantId: number;
  merchantClientId: string;
  amount: number;
  currency: string;
  referenceNumber: string;
  description: string | null;
  storeId: string | null;
  registerId: string | null;
  status: PaymentStatus;
  bankPaymentStatus: string | null;
  /** Opaque token in the pay page URL (D22). */
  token: string;
  /** The bank the customer picked on the pay page, if any. */
  bank: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  paidAt: string | null;
  /** E101: set when an outcome rule matched at creation. */
  outcomeRule?: OutcomeRuleDecision;
}

export interface WebhookRecord {
  id: number;
  partnerId: number;
  url: string;
  events: WebhookEventType[];
  status: WebhookStatus;
  secret: string;
  lastTriggeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryOutcome = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** The first bytes of the receiver's answer. */
  responseSnippet: string | null;
  /** E105: set when a rule dropped this attempt or sent it again on purpose. */
  rule?: AttemptRule;
}

export interface DeliveryRecord {
  id: string;
  partnerId: number;
  webhookId: number;
  url: string;
  event: WebhookEventType;
  /** The exact bytes sent (and signed), as UTF-8 text. */
  body: string;
  paymentId: number | null;
  merchantId: number | null;
  test: boolean;
  outcome: DeliveryOutcome;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** E105: set when a webhook behaviour rule shaped this delivery. */
  rule?: DeliveryRule;
}

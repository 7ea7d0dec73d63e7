// Generated from fixtures/scenarios/scenario.schema.json by `npm run gen:types`. Do not edit.

/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Id".
 */
export type ScenarioId = number;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Text".
 */
export type ScenarioText = string;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Email".
 */
export type ScenarioEmail = string;
/**
 * ISO 8601, e.g. 2026-03-01T08:00:00.000Z (D4).
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Timestamp".
 */
export type ScenarioTimestamp = string;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "NullableText".
 */
export type ScenarioNullableText = string | null;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "NullableTimestamp".
 */
export type ScenarioNullableTimestamp = string | null;
/**
 * An opaque URL-safe token of 8 to 128 characters.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Token".
 */
export type ScenarioToken = string;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "RuleIdValue".
 */
export type ScenarioRuleIdValue = string;
/**
 * An exact amount, a {min, max} range (both ends included), or the cents part as "*.13".
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "AmountMatch".
 */
export type ScenarioAmountMatch =
  | number
  | string
  | {
      min?: number;
      max?: number;
    };
/**
 * The whole value; * stands for any run of characters and ? for one; case-sensitive.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "TextPattern".
 */
export type ScenarioTextPattern = string;
/**
 * 500ms, 3s, 2m, 1h, 1d (a bare number is seconds) or a range 1s..5s; at most 7 days.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Delay".
 */
export type ScenarioDelay = string;

/**
 * The state of an acountpay-mock: partners with their credentials, merchants, stores, payments, webhooks and the rules that settle payments and shape webhooks. Omitted fields get the defaults listed in fixtures/scenarios/README.md; the rules that span records (references, default stores, ...) are checked by validateScenario after this schema.
 */
export type Scenario = {
  $schema?: string;
  /**
   * The format version.
   */
  version: 1;
  name?: string;
  description?: string;
  /**
   * The generator seed that produced the scenario (informational).
   */
  seed?: number;
  partners?: ScenarioPartner[];
  merchants?: ScenarioMerchant[];
  stores?: ScenarioStore[];
  payments?: ScenarioPayment[];
  webhooks?: ScenarioWebhook[];
  /**
   * Outcome and webhook behaviour rules, in the order they are matched (E100-E108).
   *
   * @maxItems 100
   */
  rules?: ScenarioRule[];
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Partner".
 */
export type ScenarioPartner = {
  id: ScenarioId;
  name: ScenarioText;
  companyName?: ScenarioText;
  contactEmail?: ScenarioEmail;
  contactPhone?: string | null;
  website?: string | null;
  registrationNumber?: string | null;
  status?: "pending" | "active" | "suspended";
  createdAt?: ScenarioTimestamp;
  updatedAt?: ScenarioTimestamp;
  credentials: ScenarioCredential[];
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Credential".
 */
export type ScenarioCredential = {
  id?: ScenarioId;
  name?: string;
  clientId: ScenarioText;
  clientSecret: string;
  status?: "active" | "revoked";
  createdAt?: ScenarioTimestamp;
  updatedAt?: ScenarioTimestamp;
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Merchant".
 */
export type ScenarioMerchant = {
  id: ScenarioId;
  partnerId: ScenarioId;
  clientId: ScenarioText;
  companyName: ScenarioText;
  contactEmail: ScenarioEmail;
  contactPhone?: string | null;
  partnerRefId?: ScenarioNullableText;
  status: "pending" | "active" | "inactive";
  isTest?: boolean;
  fastTrack?: {
    registrationNumber: string;
    website: string;
    iban: string;
    bic?: string | null;
  } | null;
  onboardingToken?: string | null;
  onboardingExpiresAt?: ScenarioNullableTimestamp;
  createdAt?: ScenarioTimestamp;
  updatedAt?: ScenarioTimestamp;
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Store".
 */
export type ScenarioStore = {
  storeId: ScenarioText;
  merchantId: ScenarioId;
  locationId?: string;
  name: ScenarioText;
  streetAddress?: ScenarioText;
  city?: string;
  postalCode?: string;
  countryCode?: string;
  phone?: string;
  email?: ScenarioEmail;
  isActive?: boolean;
  isDefault?: boolean;
  createdAt?: ScenarioTimestamp;
  updatedAt?: ScenarioTimestamp;
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Payment".
 */
export type ScenarioPayment = {
  id: ScenarioId;
  merchantId: ScenarioId;
  amount: number;
  currency?: string;
  referenceNumber: ScenarioText;
  description?: string | null;
  storeId?: ScenarioNullableText;
  registerId?: ScenarioNullableText;
  status: "pending" | "paid" | "failed" | "expired";
  bankPaymentStatus?: ScenarioNullableText;
  bank?: ScenarioNullableText;
  token?: ScenarioToken;
  createdAt?: ScenarioTimestamp;
  updatedAt?: ScenarioTimestamp;
  expiresAt?: ScenarioTimestamp;
  paidAt?: ScenarioNullableTimestamp;
  outcomeRule?: ScenarioOutcomeRuleDecision;
  mockSettlementAt?: ScenarioTimestamp;
};
/**
 * What an outcome rule decided for the payment (E101); a pending one is resumed on load.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "OutcomeRuleDecision".
 */
export type ScenarioOutcomeRuleDecision = {
  ruleId: ScenarioRuleIdValue;
  status: "pending" | "paid" | "failed" | "expired";
  reason?: "rejected" | "abandoned";
  bank?: string;
  delayMs: number;
  decidedAt: ScenarioTimestamp;
  dueAt: ScenarioNullableTimestamp;
  appliedAt: ScenarioNullableTimestamp;
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Webhook".
 */
export type ScenarioWebhook = {
  id: ScenarioId;
  partnerId: ScenarioId;
  url: string;
  /**
   * @minItems 1
   */
  events: ("payment.completed" | "payment.failed" | "merchant.activated" | "merchant.deactivated")[];
  status?: "active" | "inactive";
  secret: string;
  lastTriggeredAt?: ScenarioNullableTimestamp;
  createdAt?: ScenarioTimestamp;
  updatedAt?: ScenarioTimestamp;
};
/**
 * What a rule matches (when) and what it does: an outcome for new payments, a webhook behaviour for deliveries, or both.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Rule".
 */
export type ScenarioRule = {
  id?: ScenarioRuleIdValue;
  description?: string;
  when?: ScenarioRuleMatch;
  outcome?: ScenarioRuleOutcome;
  webhook?: ScenarioWebhookBehaviour;
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "RuleMatch".
 */
export type ScenarioRuleMatch = {
  amount?: ScenarioAmountMatch;
  merchantClientId?: string;
  storeId?: string;
  registerId?: string;
  referenceNumber?: ScenarioTextPattern;
  description?: ScenarioTextPattern;
  /**
   * @minItems 1
   */
  events?: ("payment.completed" | "payment.failed" | "merchant.activated" | "merchant.deactivated")[];
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "RuleOutcome".
 */
export type ScenarioRuleOutcome = {
  status: "pending" | "paid" | "failed" | "expired";
  reason?: "rejected" | "abandoned";
  bank?: string;
  after?: ScenarioDelay;
};
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "WebhookBehaviour".
 */
export type ScenarioWebhookBehaviour = {
  duplicate?: "same-id" | "new-id" | "both";
  delay?: ScenarioDelay;
  outOfOrder?: boolean;
  beforeResponse?: boolean;
  dropFirst?: number;
};

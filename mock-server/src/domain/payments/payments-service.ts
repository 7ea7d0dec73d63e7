/**
 * Payments of a partner (D19-D25): create for an active merchant, read, list, QR, and the lifecycle
 * (`complete`, `fail`, `expire`) that the pay page, X-Mock-Payment and the control API drive.
 */
import type { Logger } from 'pino';
import type { components } from '../../../../spec/generated/partner-api';
import { drawRuleDelay, type StoredRule } from '../../../../fixtures/src/rules';
import { apiError } from '../../http/api-error';
import type { PublicLinks } from '../../shared/links';
import { safePaging } from '../../shared/paging';
import type { MerchantRecord, PartnerRecord, PaymentRecord, PaymentStatus, StoreRecord } from '../../state/records';
import type { ResponseHold } from '../rules/response-hold';
import type { RulesService } from '../rules/rules-service';
import type { ServiceDeps } from '../service-deps';
import { createPaymentLifecycle } from './payment-lifecycle';
import { pickQrFormat, renderQr, type QrImage } from './payment-qr';
import {
  toPaymentCreated,
  toPaymentListItem,
  toPaymentStatusResponse,
  type PaymentCreated,
  type PaymentList,
  type PaymentStatusResponse,
} from './payment-responses';

type PaymentCreateRequest = components['schemas']['PaymentCreateRequest'];

export interface PaymentListQuery {
  merchantClientId?: string;
  status?: PaymentStatus;
  page: number;
  limit: number;
}

export interface PaymentsDeps extends ServiceDeps {
  links: PublicLinks;
  logger: Logger;
  merchants: { findByClientId(partner: PartnerRecord, clientId: string): MerchantRecord };
  stores: { findActiveStoreForPayment(merchant: MerchantRecord, storeId: string): StoreRecord };
  rules: Pick<RulesService, 'outcomeRuleFor'>;
  hold: ResponseHold;
  /** Values in [0, 1) for delays given as a range (E108). */
  random: () => number;
}

/** A created payment with what its creation set off, for the create handler and the journal (E106). */
export interface PaymentCreation {
  response: PaymentCreated;
  paymentId: number;
  /** The outcome rule that decided it, and the webhook rules that shaped deliveries made meanwhile. */
  ruleIds: string[];
  deliveryIds: string[];
  /** Resolves once the deliveries that must precede the answer had their first attempt (E105). */
  ready: Promise<void>;
}

/**
 * D19, E6: the amount must be the number closest to a value with at most two decimals, i.e. what
 * JSON `149.50` parses to. `1.005` and `0.30000000000000004` (0.1 + 0.2 in JavaScript) are not.
 */
export function hasAtMostTwoDecimals(amount: number): boolean {
  return Number(amount.toFixed(2)) === amount;
}

export function createPaymentsService(deps: PaymentsDeps) {
  const { state, clock, ids, timeline, config, links, merchants, stores, rules, hold, random } = deps;
  const lifecycle = createPaymentLifecycle(deps);

  /**
   * E141, the one freshness rule: a payment expires only by its expiry task on the timeline. Every
   * read runs what the clock has reached first, in due order, so none shows a stale pending and a
   * delayed settlement due before the expiry still settles the payment first.
   */
  function findForPartner(partner: PartnerRecord, id: number): PaymentRecord {
    timeline.runDue();
    const payment = state.payments.get(id);
    if (!payment || payment.partnerId !== partner.id) throw apiError('payment_not_found', id); // D2
    return payment;
  }

  /** D25: settles the stored payment before the response is written; the response still reads `pending`. */
  function applyMockOutcome(payment: PaymentRecord, outcome: string): undefined {
    if (outcome === 'paid') lifecycle.complete(payment);
    else if (outcome === 'failed') lifecycle.fail(payment, 'X-Mock-Payment');
    else if (outcome === 'expired') lifecycle.expire(payment);
    else {
      const delay = /^delay=(\d+)$/.exec(outcome);
      if (!delay)
        throw apiError(
          'bad_request',
          `header X-Mock-Payment must be paid, failed, expired or delay=<ms>, got ${outcome}`,
        );
      lifecycle.scheduleMockCompletion(payment, Number(delay[1]));
    }
  }

  /**
   * E100, E101: the first outcome rule that matches decides, kept on the payment; at once it settles
   * the payment here, inside the create request, as `X-Mock-Payment` does (E8).
   */
  function applyOutcomeRule(payment: PaymentRecord): StoredRule | undefined {
    const rule = rules.outcomeRuleFor(payment);
    const outcome = rule?.outcome;
    if (!rule || !outcome) return undefined;
    const now = clock.nowMs();
    const delayMs = drawRuleDelay(outcome, random);
    const at = new Date(now).toISOString();
    const waits = outcome.status !== 'pending';
    payment.outcomeRule = {
      ruleId: rule.id,
      status: outcome.status,
      ...(outcome.status === 'failed' && { reason: outcome.reason ?? 'rejected' }),
      ...(outcome.bank !== undefined && { bank: outcome.bank }),
      delayMs,
      decidedAt: at,
      dueAt: waits ? new Date(now + delayMs).toISOString() : null,
      appliedAt: waits ? null : at,
    };
    state.touch('payments', payment);
    if (waits && delayMs === 0) lifecycle.applyRuleOutcome(payment);
    else lifecycle.scheduleRuleOutcome(payment);
    return rule;
  }

  function create(partner: PartnerRecord, input: PaymentCreateRequest, mockOutcome?: string): PaymentCreation {
    if (!hasAtMostTwoDecimals(input.amount))
      throw apiError('validation_failed', ['amount must have at most 2 decimals']);
    const merchant = merchants.findByClientId(partner, input.merchantClientId); // 404 for unknown or foreign (D2)
    if (merchant.status !== 'active') throw apiError('merchant_not_active', merchant.clientId, merchant.status);
    const store = input.storeId !== undefined ? stores.findActiveStoreForPayment(merchant, input.storeId) : null;
    const now = clock.nowMs();
    const createdAt = new Date(now).toISOString();
    const expiresMs = now + config.paymentExpirySeconds * 1000;
    const payment: PaymentRecord = {
      id: state.nextId('payment'),
      partnerId: partner.id,
      merchantId: merchant.id,
      merchantClientId: merchant.clientId,
      amount: input.amount,
      currency: input.currency ?? 'DKK',
      referenceNumber: input.referenceNumber,
      description: input.description ?? null,
      storeId: store?.storeId ?? null,
      registerId: input.registerId ?? null,
      status: 'pending',
      bankPaymentStatus: null,
      token: ids.hex(16),
      bank: null,
      createdAt,
      updatedAt: createdAt,
      expiresAt: new Date(expiresMs).toISOString(),
      paidAt: null,
    };
    state.addPayment(payment);
    lifecycle.scheduleExpiry(payment, expiresMs);
    const response = toPaymentCreated(payment, links.pay(payment.token));
    // Deliveries of a settlement at once are made inside `during`, so the answer can wait for them (E105).
    const held = hold.during(() =>
      mockOutcome !== undefined ? applyMockOutcome(payment, mockOutcome) : applyOutcomeRule(payment),
    );
    return {
      response,
      paymentId: payment.id,
      ruleIds: [...new Set([...(held.result ? [held.result.id] : []), ...held.ruleIds])],
      deliveryIds: held.deliveryIds,
      ready: held.ready,
    };
  }

  return {
    ...lifecycle,
    findForPartner,

    /** For the control API (not partner-scoped). */
    findById(id: number): PaymentRecord {
      timeline.runDue(); // E141
      const payment = state.payments.get(id);
      if (!payment) throw apiError('payment_not_found', id);
      return payment;
    },

    /** For the pay page; undefined for an unknown token. */
    findByToken(token: string): PaymentRecord | undefined {
      timeline.runDue(); // E141
      return state.paymentByToken(token);
    },

    paymentUrl: (payment: PaymentRecord) => links.pay(payment.token),

    /** The payment's documented answer; `createWithEffects` also tells what the creation set off. */
    create: (partner: PartnerRecord, input: PaymentCreateRequest, mockOutcome?: string): PaymentCreated =>
      create(partner, input, mockOutcome).response,

    createWithEffects: create,

    status: (partner: PartnerRecord, id: number): PaymentStatusResponse =>
      toPaymentStatusResponse(findForPartner(partner, id)),

    list(partner: PartnerRecord, { merchantClientId, status, ...query }: PaymentListQuery): PaymentList {
      const { page, limit } = safePaging(query.page, query.limit); // E30
      timeline.runDue(); // E141: expiries the clock has reached show in this page and its counts
      let merchantId: number | undefined;
      if (merchantClientId !== undefined) {
        const merchant = state.merchantByClientId(merchantClientId);
        // D21: an unknown (or another partner's, D2) merchantClientId is a filter that matches
        // nothing: 200 with an empty page, as for any other filter, not a 404.
        if (!merchant || merchant.partnerId !== partner.id) return { payments: [], total: 0, page, limit };
        merchantId = merchant.id;
      }
      const { items, total } = state.pagePayments({ partnerId: partner.id, merchantId, status }, page, limit);
      return { payments: items.map((p) => toPaymentListItem(p, lifecycle.merchantNameOf(p))), total, page, limit };
    },

    async qr(
      partner: PartnerRecord,
      id: number,
      options: { format?: unknown; accept?: string; size: number },
    ): Promise<QrImage> {
      const payment = findForPartner(partner, id);
      return renderQr(links.pay(payment.token), pickQrFormat(options.format, options.accept), options.size);
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;

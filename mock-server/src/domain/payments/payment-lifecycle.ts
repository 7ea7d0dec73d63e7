/**
 * D20: pending → paid | failed | expired, and never again. Every settlement records the D23 bank
 * status, cancels the pending timers of the payment and publishes its event after the change.
 * Expiry and delayed settlements (D25's header, E101's outcome rules) are tasks of the timeline (E140).
 */
import type { Logger } from 'pino';
import { apiError } from '../../http/api-error';
import type { PaymentRecord, PaymentStatus } from '../../state/records';
import type { TimelineKey } from '../../shared/timeline';
import type { ServiceDeps } from '../service-deps';
import { toPaymentEventData } from './payment-responses';

type FinalStatus = Exclude<PaymentStatus, 'pending'>;

/** D23: ISO 20022 names, inferred (the docs cut the value off after "Accept"). */
const BANK_PAYMENT_STATUS: Record<FinalStatus, string> = {
  paid: 'AcceptedSettlementCompleted',
  failed: 'Rejected',
  expired: 'Expired',
};

/**
 * E215: a payment's tasks on the timeline are keyed by numbers, `id × 4 + task`: a created payment
 * builds and hashes no key string, and settling it cancels its three tasks the same way. An id too
 * large for that number to be exact (2^51 and up: ids are any positive integer) gets a text key.
 */
const EXPIRY = 0;
const MOCK_SETTLEMENT = 1;
const RULE_SETTLEMENT = 2;
const LARGEST_NUMBER_KEYED = Math.floor(Number.MAX_SAFE_INTEGER / 4);
const taskKey = (paymentId: number, task: number): TimelineKey =>
  paymentId <= LARGEST_NUMBER_KEYED ? paymentId * 4 + task : `payment:${paymentId}:${task}`;

export type LifecycleDeps = Pick<ServiceDeps, 'state' | 'clock' | 'events' | 'timeline'> & { logger: Logger };

export function createPaymentLifecycle({ state, clock, events, timeline, logger }: LifecycleDeps) {
  const merchantNameOf = (p: PaymentRecord) => state.merchants.get(p.merchantId)?.companyName ?? '';

  function settle(payment: PaymentRecord, status: FinalStatus, at: string): PaymentRecord {
    if (payment.status !== 'pending') throw apiError('payment_already_final', payment.id, payment.status);
    state.setPaymentStatus(payment, status);
    payment.bankPaymentStatus = BANK_PAYMENT_STATUS[status];
    payment.updatedAt = at;
    if (status === 'paid') payment.paidAt = at;
    state.touch('payments', payment);
    unschedule(payment);
    state.clearMockSettlement(payment.id);
    events.publish({
      type: status === 'paid' ? 'payment.completed' : 'payment.failed', // D20: expiry is folded into payment.failed
      partnerId: payment.partnerId,
      timestamp: at,
      data: toPaymentEventData(payment, merchantNameOf(payment)),
    });
    return payment;
  }

  /** Cancels the payment's expiry and settlements still waiting on the timeline. */
  function unschedule(payment: PaymentRecord): void {
    timeline.cancel(taskKey(payment.id, EXPIRY));
    timeline.cancel(taskKey(payment.id, MOCK_SETTLEMENT));
    timeline.cancel(taskKey(payment.id, RULE_SETTLEMENT));
  }

  /** A task runs on its payment only while the record is still the world's payment with its id, and pending. */
  const isCurrent = (p: PaymentRecord): boolean => p.status === 'pending' && state.payments.get(p.id) === p;

  // E215: one function for each kind of task, called with the payment, not one closure per payment.
  const expireTask = (p: PaymentRecord): void => {
    if (isCurrent(p)) lifecycle.expire(p);
  };
  const mockSettlementTask = (p: PaymentRecord): void => {
    if (isCurrent(p)) lifecycle.complete(p);
  };
  const ruleSettlementTask = (p: PaymentRecord): void => {
    if (isCurrent(p)) lifecycle.applyRuleOutcome(p);
  };

  const lifecycle = {
    merchantNameOf,

    complete(payment: PaymentRecord, bank?: string): PaymentRecord {
      if (payment.status === 'pending' && bank) payment.bank = bank;
      return settle(payment, 'paid', clock.now().toISOString());
    },

    /** `reason` (e.g. `rejected`, `abandoned`) is only logged: the API has no field for it. */
    fail(payment: PaymentRecord, reason?: string): PaymentRecord {
      settle(payment, 'failed', clock.now().toISOString());
      logger.debug({ paymentId: payment.id, reason }, 'payment failed');
      return payment;
    },

    /** A late expiry (clock moved far ahead) is dated at `expiresAt`, when the payment really lapsed. */
    expire(payment: PaymentRecord): PaymentRecord {
      const at = Math.min(clock.nowMs(), Date.parse(payment.expiresAt));
      return settle(payment, 'expired', new Date(at).toISOString());
    },

    /** E141: the only way a payment expires by time; readers run the timeline first (`timeline.runDue()`). */
    scheduleExpiry(payment: PaymentRecord, dueMs = Date.parse(payment.expiresAt)): void {
      timeline.schedule(taskKey(payment.id, EXPIRY), dueMs, expireTask, payment);
    },

    /** D25: `X-Mock-Payment: delay=<ms>` pays the payment when the clock passes now + ms (if it has not expired first). */
    scheduleMockCompletion(payment: PaymentRecord, delayMs: number): void {
      lifecycle.scheduleMockCompletionAt(payment, clock.nowMs() + delayMs);
    },

    /** The same at a clock time; the state keeps it so that a restart from the state file resumes it (E51). */
    scheduleMockCompletionAt(payment: PaymentRecord, dueMs: number): void {
      state.setMockSettlement(payment.id, dueMs);
      timeline.schedule(taskKey(payment.id, MOCK_SETTLEMENT), dueMs, mockSettlementTask, payment);
    },

    /** E101: settles the payment as its outcome rule decided, now. */
    applyRuleOutcome(payment: PaymentRecord): PaymentRecord {
      const decision = payment.outcomeRule;
      if (!decision || decision.status === 'pending' || payment.status !== 'pending') return payment;
      decision.appliedAt = clock.now().toISOString();
      if (decision.status === 'paid') return lifecycle.complete(payment, decision.bank);
      if (decision.status === 'failed') return lifecycle.fail(payment, decision.reason ?? 'rejected');
      return lifecycle.expire(payment);
    },

    /**
     * E101: the rule's outcome at its `dueAt` by the clock, unless the payment is final by then. The
     * decision lives on the payment, so a restart, an import or a scenario load resumes it.
     */
    scheduleRuleOutcome(payment: PaymentRecord): void {
      const decision = payment.outcomeRule;
      if (!decision || decision.dueAt === null || decision.appliedAt !== null || payment.status !== 'pending') return;
      timeline.schedule(taskKey(payment.id, RULE_SETTLEMENT), Date.parse(decision.dueAt), ruleSettlementTask, payment);
    },

    /** E215: a world being replaced takes its payments' waiting tasks off the timeline (E130). */
    unschedule,

    /** A pending payment read back (state file, scenario, import): its expiry and its rule's outcome wait again. */
    resume(payment: PaymentRecord): void {
      if (payment.status !== 'pending') return;
      lifecycle.scheduleExpiry(payment);
      lifecycle.scheduleRuleOutcome(payment);
    },
  };
  return lifecycle;
}

/**
 * D32 (inferred): dashboard numbers computed from the partner's data. Merchant counts come from
 * the status indexes (O(1)); payment counts and paid volume walk the partner's payments once,
 * O(n) in its payments, which is acceptable for a dashboard call and keeps `from`/`to` exact.
 */
import type { components } from '../../../../spec/generated/partner-api';
import { apiError } from '../../http/api-error';
import type { PartnerRecord } from '../../state/records';
import type { ServiceDeps } from '../service-deps';

type Stats = components['schemas']['Stats'];

export interface StatsRange {
  /** Payments created at or after this instant. */
  from?: string;
  /** Payments created before this instant. */
  to?: string;
}

export function createStatsService({ state, timeline }: Pick<ServiceDeps, 'state' | 'timeline'>) {
  return {
    get(partner: PartnerRecord, range: StatsRange = {}): Stats {
      const fromMs = range.from !== undefined ? Date.parse(range.from) : -Infinity;
      const toMs = range.to !== undefined ? Date.parse(range.to) : Infinity;
      if (Number.isNaN(fromMs)) throw apiError('validation_failed', ['query parameter from must be a valid date-time']);
      if (Number.isNaN(toMs)) throw apiError('validation_failed', ['query parameter to must be a valid date-time']);
      if (fromMs > toMs) throw apiError('validation_failed', ['query parameter from must not be after to']);
      timeline.runDue(); // expiries the clock has reached are counted as expired, not pending

      const payments = { total: 0, pending: 0, paid: 0, failed: 0, expired: 0 };
      const cents = new Map<string, { cents: number; count: number }>();
      const ranged = fromMs !== -Infinity || toMs !== Infinity;
      for (const id of state.paymentIdsOf(partner.id)) {
        const payment = state.paymentFacts(id)!;
        if (ranged) {
          const created = Date.parse(payment.createdAt);
          if (created < fromMs || created >= toMs) continue;
        }
        payments.total += 1;
        payments[payment.status] += 1;
        if (payment.status !== 'paid') continue;
        const sum = cents.get(payment.currency) ?? { cents: 0, count: 0 };
        // Summed in whole cents: 0.1 + 0.2 must total 0.30, not 0.30000000000000004.
        sum.cents += Math.round(payment.amount * 100);
        sum.count += 1;
        cents.set(payment.currency, sum);
      }

      return {
        from: range.from !== undefined ? new Date(fromMs).toISOString() : null,
        to: range.to !== undefined ? new Date(toMs).toISOString() : null,
        merchants: {
          total: state.countMerchants(partner.id),
          pending: state.countMerchants(partner.id, 'pending'),
          active: state.countMerchants(partner.id, 'active'),
          inactive: state.countMerchants(partner.id, 'inactive'),
        },
        payments,
        volume: [...cents.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, sum]) => ({ currency, amount: sum.cents / 100, count: sum.count })),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;

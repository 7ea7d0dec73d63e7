/**
 * D11: the hosted onboarding link of a pending merchant. The token is opaque; it lives
 * `onboardingLinkDays` (D8), is replaced by a resend, and is used up when the merchant activates.
 */
import type { MockConfig } from '../../config';
import { hasReached, type Clock } from '../../shared/clock';
import type { IdGenerator } from '../../shared/ids';
import type { MockState } from '../../state/mock-state';
import type { MerchantRecord } from '../../state/records';

const DAY_MS = 24 * 60 * 60 * 1000;

export type OnboardingLink =
  | { state: 'open'; merchant: MerchantRecord }
  | { state: 'expired'; merchant: MerchantRecord }
  | { state: 'used'; merchant: MerchantRecord }
  | { state: 'unknown' };

export interface OnboardingDeps {
  state: MockState;
  clock: Clock;
  ids: IdGenerator;
  config: Pick<MockConfig, 'onboardingLinkDays'>;
}

export function createOnboardingLinks({ state, clock, ids, config }: OnboardingDeps) {
  /**
   * A fresh token and expiry; the previous token (if any) stops working at once. `from` is the
   * moment of issue (a new merchant's createdAt, so the link lives exactly N days from creation, D8).
   */
  function issue(merchant: MerchantRecord, from: number = clock.nowMs()): void {
    const expiresAt = new Date(from + config.onboardingLinkDays * DAY_MS).toISOString();
    state.setOnboardingToken(merchant, ids.uuid(), expiresAt);
  }

  function find(token: string): OnboardingLink {
    const open = state.merchantByOnboardingToken(token);
    if (open) {
      const expired = open.onboardingExpiresAt !== null && hasReached(clock, open.onboardingExpiresAt);
      return { state: expired ? 'expired' : 'open', merchant: open };
    }
    const used = state.merchantByUsedOnboardingToken(token);
    return used ? { state: 'used', merchant: used } : { state: 'unknown' };
  }

  return { issue, find };
}

/**
 * D4: the clock QA moves forward. After a move, whatever became due on the timeline runs before the
 * answer, in due order (E140): payment expiries (D20) fire, and webhook retries (D29) start;
 * `flushDeliveries` awaits them.
 */
import { parseDuration } from '../../../fixtures/src/rules';
import { apiError } from '../http/api-error';
import { ok, type ControlHandlers } from '../http/handler';
import type { ClockParts } from './control-parts';
import { formatDuration } from './duration';

/**
 * E35: the latest time the mock's clock may show: a thousand years short of 9999, so that every
 * time reckoned from it (an onboarding link's expiry, a payment's, a retry, a rule's delay) and the
 * time that passes after the move are still date-times.
 */
export const LATEST_CLOCK = '8999-12-31T23:59:59.999Z';
const LATEST_CLOCK_MS = Date.parse(LATEST_CLOCK);

export function createControlClockHandlers({ timeline }: ClockParts) {
  const { clock } = timeline;
  const read = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });

  return {
    getClock: () => ok(read()),
    advanceClock(ctx) {
      const { body } = ctx; // exactly one of the two (the spec's oneOf)
      const ms = 'seconds' in body ? Math.round(body.seconds * 1000) : parseDuration(body.duration);
      if (ms === undefined || ms <= 0) throw apiError('validation_failed', ['seconds or duration must be more than 0']);
      // E35: past year 9999 no timestamp is an RFC 3339 date-time any more (and past year 275760 no Date).
      const left = Math.max(0, LATEST_CLOCK_MS - clock.nowMs());
      if (ms > left)
        throw apiError('validation_failed', [
          // Whole seconds, rounded down: the move the message offers is one the clock takes.
          `the clock cannot move past ${LATEST_CLOCK}; at most ${formatDuration(Math.floor(left / 1000) * 1000)} more`,
        ]);
      timeline.advance(ms);
      return ok(read());
    },
  } satisfies Partial<ControlHandlers>;
}

/**
 * D4: the clock QA moves forward. After a move, whatever became due runs before the answer: payment
 * expiries (D20) fire at once, and webhook retries (D29) start; `flushDeliveries` awaits them.
 */
import type { AppDeps } from '../deps';
import { errors } from '../http/api-error';
import { ok, type HandlerTable } from '../http/handler';
import type { ClockState } from './control-types';
import { parseDuration } from './duration';

export function createControlClockHandlers({
  clock,
  scheduler,
  dispatcher,
}: Pick<AppDeps, 'clock' | 'scheduler' | 'dispatcher'>): HandlerTable {
  const read = (): ClockState => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });

  return {
    getClock: () => ok(read()),
    advanceClock(ctx) {
      const body = ctx.body as { seconds?: number; duration?: string };
      const ms = body.seconds !== undefined ? Math.round(body.seconds * 1000) : parseDuration(body.duration ?? '');
      if (ms === undefined || ms <= 0) throw errors.validation(['seconds or duration must be more than 0']);
      clock.advance(ms);
      scheduler.runDue();
      dispatcher.onClockAdvanced();
      return ok(read());
    },
  };
}

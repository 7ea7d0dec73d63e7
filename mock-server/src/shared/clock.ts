/**
 * The one source of time (D4). The system clock runs with real time plus an offset that QA can move
 * forward; the manual clock only moves when told to (tests). Tasks on the timeline (timeline.ts)
 * fire by this clock, so moving it forward with `timeline.advance` runs what became due.
 */
export interface Clock {
  now(): Date;
  nowMs(): number;
  /** Moves the clock forward by `ms` milliseconds (never backwards). */
  advance(ms: number): void;
  /** How far the clock has been moved forward in total. */
  offsetMs(): number;
}

export function createSystemClock(): Clock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    nowMs: () => Date.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
      offset += ms;
    },
    offsetMs: () => offset,
  };
}

/** A clock that stands still until advanced: for deterministic tests. */
export function createManualClock(start: string | number | Date = '2026-03-18T12:00:00.000Z'): Clock {
  const origin = new Date(start).getTime();
  let current = origin;
  return {
    now: () => new Date(current),
    nowMs: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
      current += ms;
    },
    offsetMs: () => current - origin,
  };
}

/**
 * E141: a time of the mock's world (an expiry, a due time) has come once the clock shows it or later,
 * the rule the timeline fires its tasks by; what has no task (an onboarding link) is read by it too.
 */
export function hasReached(clock: Clock, at: string): boolean {
  return clock.nowMs() >= Date.parse(at);
}

export function toIso(date: Date | number): string {
  return new Date(date).toISOString();
}

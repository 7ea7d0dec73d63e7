/**
 * Runs jobs when the mock's clock reaches their due time, with a global and a per-key cap on jobs
 * running at once (D29: one hanging receiver holds at most `maxPerKey` slots, never the queue).
 *
 * Waiting jobs sit in a heap by due time (clock ms). One real timer is armed for the earliest; after
 * the clock is moved forward, `pump()` starts whatever became due at once.
 */
import type { Clock } from '../shared/clock';
import { DueHeap } from '../shared/due-heap';

export interface ScheduledJob {
  dueAt: number;
  seq: number;
  /** Jobs with the same key share the per-key cap (the receiver's origin). */
  key: string;
}

export interface AttemptScheduler<T extends ScheduledJob> {
  add(job: T, dueAt: number): void;
  /** Starts every job that is due and has a free slot; re-arms the timer. */
  pump(): void;
  /** Resolves once nothing runs and nothing is due by the clock's now. */
  drain(): Promise<void>;
  /** Waiting, held back by a cap, or running. */
  size(): number;
  /** Removes every job that has not started and returns them. */
  clear(): T[];
  /** Starts nothing new; running jobs may finish. */
  close(): void;
}

export interface AttemptSchedulerOptions<T> {
  clock: Clock;
  maxConcurrency: number;
  maxPerKey: number;
  /** Must not reject. */
  run: (job: T) => Promise<void>;
}

const MAX_TIMER_MS = 2_147_483_647;

export function createAttemptScheduler<T extends ScheduledJob>(
  options: AttemptSchedulerOptions<T>,
): AttemptScheduler<T> {
  const { clock, maxConcurrency, maxPerKey } = options;
  const waiting = new DueHeap<T>();
  /** Due jobs whose key is at its cap; released one by one as that key's jobs end. */
  const held = new Map<string, T[]>();
  const runningByKey = new Map<string, number>();
  let drainWaiters: Array<() => void> = [];
  let running = 0;
  let heldCount = 0;
  let seq = 0;
  let closed = false;
  let pumpQueued = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt: number | undefined;

  function arm(): void {
    const top = waiting.peek();
    // A due job that waits for a free slot needs no timer: the end of a running job pumps again.
    const wanted = closed || !top || top.dueAt <= clock.nowMs() ? undefined : top.dueAt;
    if (wanted === timerDueAt) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    timerDueAt = wanted;
    if (wanted === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerDueAt = undefined;
        pump();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, wanted - clock.nowMs())),
    );
    timer.unref();
  }

  function isIdle(): boolean {
    if (running > 0) return false;
    const top = waiting.peek();
    return closed || !top || top.dueAt > clock.nowMs();
  }

  function pump(): void {
    const now = clock.nowMs();
    while (!closed && running < maxConcurrency) {
      const top = waiting.peek();
      if (!top || top.dueAt > now) break;
      waiting.pop();
      if ((runningByKey.get(top.key) ?? 0) >= maxPerKey) hold(top);
      else start(top);
    }
    arm();
    if (drainWaiters.length > 0 && isIdle()) {
      const waiters = drainWaiters;
      drainWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function hold(job: T): void {
    const list = held.get(job.key) ?? [];
    list.push(job);
    held.set(job.key, list);
    heldCount += 1;
  }

  function release(key: string): void {
    const list = held.get(key);
    const next = list?.shift();
    if (!next) return;
    heldCount -= 1;
    if (list?.length === 0) held.delete(key);
    waiting.push(next);
  }

  function start(job: T): void {
    running += 1;
    runningByKey.set(job.key, (runningByKey.get(job.key) ?? 0) + 1);
    void options.run(job).then(() => {
      running -= 1;
      const left = (runningByKey.get(job.key) ?? 1) - 1;
      if (left > 0) runningByKey.set(job.key, left);
      else runningByKey.delete(job.key);
      release(job.key);
      pump();
    });
  }

  return {
    add(job, dueAt) {
      job.dueAt = dueAt;
      job.seq = seq++;
      waiting.push(job);
      // The caller may be inside a state change; nothing starts before it returns.
      if (pumpQueued) return;
      pumpQueued = true;
      queueMicrotask(() => {
        pumpQueued = false;
        pump();
      });
    },
    pump,
    drain() {
      pump();
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
    size: () => waiting.size + heldCount + running,
    clear() {
      const jobs = waiting.clear();
      for (const list of held.values()) jobs.push(...list);
      held.clear();
      heldCount = 0;
      pump();
      return jobs;
    },
    close() {
      closed = true;
      pump();
    },
  };
}

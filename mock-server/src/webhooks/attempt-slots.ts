/**
 * Webhook attempts on the mock's one timeline (E140), with a global and a per-key cap on attempts
 * running at once (D29: one hanging receiver holds at most `maxPerKey` slots, never the queue).
 *
 * A job waits on the timeline until its due time; then it is ready, and starts as soon as a slot is
 * free, ready jobs in due order. A job due when it is added skips the timeline and starts in a
 * microtask, after the state change that added it returned.
 */
import type { Timeline, TimelineEntry } from '../shared/timeline';
import { DueHeap } from '../shared/due-heap';

export interface SlotJob {
  dueAt: number;
  seq: number;
  /** Jobs with the same key share the per-key cap (the receiver's origin). */
  key: string;
}

export interface AttemptSlots<T extends SlotJob> {
  add(job: T, dueAt: number): void;
  /** Brings the timeline up to date, then resolves once nothing runs and nothing is ready. */
  drain(): Promise<void>;
  /** Waiting, ready, held back by a cap, or running. */
  size(): number;
  /** Removes every job that has not started and returns them. */
  clear(): T[];
  /** Starts nothing new; running jobs may finish. */
  close(): void;
}

export interface AttemptSlotsOptions<T> {
  timeline: Timeline;
  maxConcurrency: number;
  maxPerKey: number;
  /** Must not reject. */
  run: (job: T) => Promise<void>;
}

export function createAttemptSlots<T extends SlotJob>(options: AttemptSlotsOptions<T>): AttemptSlots<T> {
  const { timeline, maxConcurrency, maxPerKey } = options;
  /** Jobs on the timeline, with their entry there. */
  const waiting = new Map<T, TimelineEntry>();
  const ready = new DueHeap<T>();
  /** Ready jobs whose key is at its cap; released one by one as that key's jobs end. */
  const held = new Map<string, T[]>();
  const runningByKey = new Map<string, number>();
  let drainWaiters: Array<() => void> = [];
  let running = 0;
  let heldCount = 0;
  let seq = 0;
  let closed = false;
  let pumpQueued = false;

  const isIdle = (): boolean => running === 0 && (closed || ready.size === 0);

  function pump(): void {
    while (!closed && running < maxConcurrency) {
      const job = ready.pop();
      if (!job) break;
      if ((runningByKey.get(job.key) ?? 0) >= maxPerKey) hold(job);
      else start(job);
    }
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
    ready.push(next);
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
      // A drain waits for what fell due meanwhile too, even before the timeline's timer fires.
      if (drainWaiters.length > 0) timeline.runDue();
      pump();
    });
  }

  /** A due job starts at once when it can; otherwise it waits, ready, for a slot. */
  function due(job: T): void {
    waiting.delete(job);
    ready.push(job);
    pump();
  }

  function queuePump(): void {
    // The caller may be inside a state change; nothing starts before it returns.
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  }

  return {
    add(job, dueAt) {
      job.dueAt = dueAt;
      job.seq = seq++;
      if (dueAt <= timeline.clock.nowMs()) {
        ready.push(job);
        queuePump();
        return;
      }
      waiting.set(
        job,
        timeline.at(dueAt, () => due(job)),
      );
    },
    drain() {
      timeline.runDue();
      pump();
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
    size: () => waiting.size + ready.size + heldCount + running,
    clear() {
      const jobs = [...waiting.keys(), ...ready.clear()];
      for (const entry of waiting.values()) entry.cancel();
      waiting.clear();
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

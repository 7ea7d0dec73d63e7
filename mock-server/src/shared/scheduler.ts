/**
 * Runs callbacks when the injectable clock reaches their due time (payment expiry, delayed
 * settlements). One min-heap, one real timer armed for the earliest entry, and `runDue()` for when
 * the clock is moved forward: nothing polls every record.
 */
import type { Clock } from './clock';
import { DueHeap } from './due-heap';

interface Entry {
  dueAt: number;
  key: string;
  seq: number;
}

export interface Scheduler {
  schedule(key: string, dueMs: number, task: () => void): void;
  cancel(key: string): void;
  /** Runs every task due by the clock now; returns how many ran. */
  runDue(): number;
  size(): number;
  close(): void;
}

export function createScheduler(clock: Clock, onError: (err: unknown) => void = () => {}): Scheduler {
  const heap = new DueHeap<Entry>();
  const tasks = new Map<string, { seq: number; task: () => void }>();
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  /** Drops heap entries whose task was cancelled or rescheduled. */
  function peekLive(): Entry | undefined {
    for (let top = heap.peek(); top; top = heap.peek()) {
      if (tasks.get(top.key)?.seq === top.seq) return top;
      heap.pop();
    }
    return undefined;
  }
  function arm() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = peekLive();
    if (!next || closed) return;
    const delay = Math.min(Math.max(0, next.dueAt - clock.nowMs()), 2_147_483_647);
    timer = setTimeout(() => {
      timer = undefined;
      runDue();
    }, delay);
    timer.unref();
  }
  function runDue(): number {
    let ran = 0;
    const now = clock.nowMs();
    for (let next = peekLive(); next && next.dueAt <= now; next = peekLive()) {
      heap.pop();
      const entry = tasks.get(next.key);
      tasks.delete(next.key);
      ran += 1;
      try {
        entry?.task();
      } catch (err) {
        onError(err);
      }
    }
    arm();
    return ran;
  }
  return {
    schedule(key, dueMs, task) {
      seq += 1;
      tasks.set(key, { seq, task });
      heap.push({ dueAt: dueMs, key, seq });
      if (heap.peek()?.seq === seq) arm();
    },
    cancel(key) {
      tasks.delete(key);
    },
    runDue,
    size: () => tasks.size,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

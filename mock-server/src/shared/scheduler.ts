/**
 * Runs callbacks when the injectable clock reaches their due time (payment expiry, delayed
 * settlements). One min-heap, one real timer armed for the earliest entry, and `runDue()` for when
 * the clock is moved forward: nothing polls every record.
 */
import type { Clock } from './clock';

interface Entry {
  dueMs: number;
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
  const heap: Entry[] = [];
  const tasks = new Map<string, { seq: number; task: () => void }>();
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const less = (a: Entry, b: Entry) => a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
  function push(entry: Entry) {
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }
  function pop(): Entry | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
  /** Drops heap entries whose task was cancelled or rescheduled. */
  function peekLive(): Entry | undefined {
    while (heap.length > 0) {
      const top = heap[0]!;
      if (tasks.get(top.key)?.seq === top.seq) return top;
      pop();
    }
    return undefined;
  }
  function arm() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = peekLive();
    if (!next || closed) return;
    const delay = Math.min(Math.max(0, next.dueMs - clock.nowMs()), 2_147_483_647);
    timer = setTimeout(() => {
      timer = undefined;
      runDue();
    }, delay);
    timer.unref();
  }
  function runDue(): number {
    let ran = 0;
    const now = clock.nowMs();
    for (let next = peekLive(); next && next.dueMs <= now; next = peekLive()) {
      pop();
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
      push({ dueMs, key, seq });
      if (heap[0]?.seq === seq) arm();
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

/**
 * The mock's one timeline (D4, E140): the injectable clock, one due-heap and one real timer for
 * everything that happens at a clock time: payment expiries, delayed settlements, the longest hold
 * of an `outOfOrder` delivery and every webhook attempt. `runDue()` runs what the clock has reached,
 * in due order (ties in the order they were scheduled), each task once; moving the clock with
 * `advance()` runs it at once. Nothing polls the records: one timer is armed for the earliest task.
 */
import type { Clock } from './clock';
import { DueHeap } from './due-heap';

interface Entry {
  dueAt: number;
  key: string;
  seq: number;
}

export interface Timeline {
  readonly clock: Clock;
  /** Runs `task` once the clock reaches `dueMs`; a task scheduled again under the same key replaces it. */
  schedule(key: string, dueMs: number, task: () => void): void;
  cancel(key: string): void;
  /** Runs every task due by the clock now, in due order, including those the tasks schedule; returns how many ran. */
  runDue(): number;
  /** Moves the clock forward by `ms` and runs what became due; returns how many ran. */
  advance(ms: number): number;
  size(): number;
  /** Arms no timer any more; tasks still run on `runDue()`. */
  close(): void;
}

/** setTimeout's longest delay; a later task re-arms when this one fires. */
const MAX_TIMER_MS = 2_147_483_647;

export function createTimeline(clock: Clock, onError: (err: unknown) => void = () => {}): Timeline {
  const heap = new DueHeap<Entry>();
  const tasks = new Map<string, { seq: number; task: () => void }>();
  let seq = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt: number | undefined;

  /** Lazy deletion: drops heap entries whose task was cancelled or scheduled again. */
  function peekLive(): Entry | undefined {
    for (let top = heap.peek(); top; top = heap.peek()) {
      if (tasks.get(top.key)?.seq === top.seq) return top;
      heap.pop();
    }
    return undefined;
  }

  function arm(): void {
    const wanted = closed ? undefined : peekLive()?.dueAt;
    if (wanted === timerDueAt) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    timerDueAt = wanted;
    if (wanted === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerDueAt = undefined;
        runDue();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, wanted - clock.nowMs())),
    );
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
    clock,
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
    advance(ms) {
      clock.advance(ms);
      return runDue();
    },
    size: () => tasks.size,
    close() {
      closed = true;
      arm();
    },
  };
}

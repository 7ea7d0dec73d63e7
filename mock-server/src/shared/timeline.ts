/**
 * The mock's one timeline (D4, E140): the injectable clock, one due-heap and one real timer for
 * everything that happens at a clock time: payment expiries, delayed settlements, the longest hold
 * of an `outOfOrder` delivery and every webhook attempt. `runDue()` runs what the clock has reached,
 * in due order (ties in the order they were scheduled), each task once; moving the clock with
 * `advance()` runs it at once. Nothing polls the records: one timer is armed for the earliest task.
 */
import type { Clock } from './clock';
import { DueHeap } from './due-heap';

/**
 * A keyed task's key: a text, or a number for the per-record tasks there are many of, which then need
 * no string built and hashed for each (E215). Number keys belong to the payments' tasks
 * (`payment-lifecycle.ts`); every other keyed task uses a text.
 */
export type TimelineKey = string | number;

interface Entry {
  dueAt: number;
  seq: number;
  /** A keyed entry is also in `tasks` under its key while it is the key's live one. */
  key?: TimelineKey;
  /** The task until it ran or was cancelled. */
  task?: (arg: never) => void;
  /** What the task is called with, until it ran or was cancelled (E215: one shared task, no closure per record). */
  arg: unknown;
}

/** An unkeyed task: `cancel()` drops it if it has not run. */
export interface TimelineEntry {
  cancel(): void;
}

export interface Timeline {
  readonly clock: Clock;
  /** Runs `task` once the clock reaches `dueMs`; a task scheduled again under the same key replaces it. */
  schedule(key: TimelineKey, dueMs: number, task: () => void): void;
  /** The same with `task(arg)`: one function for many records, with no closure made for each (E215). */
  schedule<A>(key: TimelineKey, dueMs: number, task: (arg: A) => void, arg: A): void;
  cancel(key: TimelineKey): void;
  /** Runs `task` once the clock reaches `dueMs`: a task without a key, for the many that are never replaced. */
  at(dueMs: number, task: () => void): TimelineEntry;
  /** Runs every task due by the clock now, in due order, including those the tasks schedule; returns how many ran. */
  runDue(): number;
  /** Moves the clock forward by `ms` and runs what became due; returns how many ran. */
  advance(ms: number): number;
  size(): number;
  /** The heap's entries: the live tasks and the cancelled or replaced ones not dropped yet (E215). */
  entries(): number;
  /** Arms no timer any more; tasks still run on `runDue()`. */
  close(): void;
}

/** Dead heap entries from which the heap may be compacted (when they are also more than half of it). */
const COMPACT_FROM = 1024;

/** setTimeout's longest delay; a later task re-arms when this one fires. */
const MAX_TIMER_MS = 2_147_483_647;

export function createTimeline(clock: Clock, onError: (err: unknown) => void = () => {}): Timeline {
  const heap = new DueHeap<Entry>();
  /** The live entry of each key: the same object the heap holds (one object per scheduled task). */
  const tasks = new Map<TimelineKey, Entry>();
  let unkeyed = 0;
  let seq = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt: number | undefined;

  /** Entries still in the heap whose task was cancelled or scheduled again. */
  let dead = 0;

  const isLive = (entry: Entry): boolean =>
    entry.key === undefined ? entry.task !== undefined : tasks.get(entry.key) === entry;

  /** Lazy deletion: drops heap entries whose task was cancelled or scheduled again. */
  function peekLive(): Entry | undefined {
    for (let top = heap.peek(); top; top = heap.peek()) {
      if (isLive(top)) return top;
      heap.pop();
      dead -= 1;
    }
    return undefined;
  }

  /**
   * An entry in the heap stopped being live. Once such entries are most of the heap (a world with a
   * million pending payments replaced, E215), the heap keeps only the live ones: the dead would
   * otherwise wait there until their due times.
   */
  function died(): void {
    dead += 1;
    if (dead >= COMPACT_FROM && dead * 2 > heap.size) {
      heap.retain(isLive);
      dead = 0;
    }
  }

  /** Takes the entry's task and its argument out: it runs once, and the entry holds on to nothing. */
  function take(entry: Entry): void {
    entry.task = undefined;
    entry.arg = undefined;
    if (entry.key === undefined) unkeyed -= 1;
    else tasks.delete(entry.key);
  }

  function push(entry: Entry): void {
    heap.push(entry);
    if (heap.peek() === entry) arm();
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
      const { task, arg } = next;
      take(next);
      ran += 1;
      try {
        (task as ((arg: unknown) => void) | undefined)?.(arg);
      } catch (err) {
        onError(err);
      }
    }
    arm();
    return ran;
  }

  return {
    clock,
    schedule(key: TimelineKey, dueMs: number, task: (arg: never) => void, arg?: unknown) {
      seq += 1;
      const entry: Entry = { dueAt: dueMs, seq, key, task, arg };
      const replaced = tasks.get(key);
      tasks.set(key, entry);
      if (replaced) {
        // Left in the heap, dropped when it comes up.
        replaced.task = undefined;
        replaced.arg = undefined;
        died();
      }
      push(entry);
    },
    cancel(key) {
      const cancelled = tasks.get(key);
      if (!cancelled) return;
      take(cancelled);
      died();
    },
    at(dueMs, task) {
      seq += 1;
      unkeyed += 1;
      const entry: Entry = { dueAt: dueMs, seq, key: undefined, task, arg: undefined };
      push(entry);
      return {
        cancel() {
          if (entry.task === undefined) return;
          take(entry);
          died();
        },
      };
    },
    runDue,
    advance(ms) {
      clock.advance(ms);
      return runDue();
    },
    size: () => tasks.size + unkeyed,
    entries: () => heap.size,
    close() {
      closed = true;
      arm();
    },
  };
}

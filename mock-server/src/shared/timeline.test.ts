import fc from 'fast-check';
import { createManualClock, createSystemClock } from './clock';
import { createTimeline, type Timeline } from './timeline';

/** A timeline on a manual clock and the keys of the tasks it ran, in order. */
function recorded(onError?: (err: unknown) => void) {
  const timeline = createTimeline(createManualClock(), onError);
  const ran: string[] = [];
  const at = (key: string, inMs: number, then?: () => void) =>
    timeline.schedule(key, timeline.clock.nowMs() + inMs, () => {
      ran.push(key);
      then?.();
    });
  return { timeline, ran, at };
}

let open: Timeline[] = [];
afterEach(() => {
  open.forEach((t) => t.close());
  open = [];
});

describe('createTimeline', () => {
  test('runs tasks when the clock reaches them, in due order, ties in the order scheduled', () => {
    const { timeline, ran, at } = recorded();
    open.push(timeline);
    at('b', 2000);
    at('a', 1000);
    at('a2', 1000);
    expect(timeline.runDue()).toBe(0);
    expect(timeline.advance(1500)).toBe(2);
    expect(ran).toEqual(['a', 'a2']);
    timeline.advance(1000);
    expect(ran).toEqual(['a', 'a2', 'b']);
  });

  test('one move of the clock runs everything due once, including what the tasks schedule', () => {
    const { timeline, ran, at } = recorded();
    open.push(timeline);
    at('first', 10, () => at('follow-up', 0));
    at('late', 60_000);
    expect(timeline.advance(1000)).toBe(2);
    expect(ran).toEqual(['first', 'follow-up']);
    expect(timeline.runDue()).toBe(0);
    expect(timeline.size()).toBe(1);
  });

  test('does not run cancelled tasks and replaces a task scheduled again under the same key', () => {
    const { timeline, ran } = recorded();
    open.push(timeline);
    const now = timeline.clock.nowMs();
    timeline.schedule('x', now + 10, () => ran.push('first'));
    timeline.schedule('x', now + 20, () => ran.push('second'));
    timeline.schedule('y', now + 10, () => ran.push('y'));
    timeline.cancel('y');
    timeline.advance(100);
    expect(ran).toEqual(['second']);
    expect(timeline.size()).toBe(0);
  });

  test('E215: a task scheduled with an argument runs with it; number keys replace and cancel like text keys', () => {
    const timeline = createTimeline(createManualClock());
    open.push(timeline);
    const now = timeline.clock.nowMs();
    const ran: string[] = [];
    const task = (record: { name: string }) => ran.push(record.name);
    timeline.schedule(8, now + 10, task, { name: 'replaced' });
    timeline.schedule(8, now + 20, task, { name: 'eight' });
    timeline.schedule(9, now + 10, task, { name: 'cancelled' });
    timeline.schedule('8', now + 30, () => ran.push('text 8'));
    timeline.cancel(9);
    expect(timeline.size()).toBe(2);
    timeline.advance(100);
    expect(ran).toEqual(['eight', 'text 8']);
    expect(timeline.size()).toBe(0);
  });

  test('E215: runs what a model of keyed and unkeyed tasks runs, also when cancelled tasks are most of the heap', () => {
    type Op =
      | { kind: 'schedule'; key: number; inMs: number }
      | { kind: 'cancel'; key: number }
      | { kind: 'at'; inMs: number }
      | { kind: 'cancelAt'; index: number }
      | { kind: 'advance'; ms: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({ kind: fc.constant('schedule' as const), key: fc.nat(40), inMs: fc.nat(100) }),
      },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('cancel' as const), key: fc.nat(40) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('at' as const), inMs: fc.nat(100) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancelAt' as const), index: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.nat(60) }) },
    );
    // Many cancelled tasks first, so that compaction (from 1,024 dead entries) happens inside the run.
    const churn = (timeline: Timeline, ran: string[]) => {
      const now = timeline.clock.nowMs();
      for (let i = 0; i < 1500; i += 1) timeline.schedule(`churn-${i}`, now + 1000 + i, () => ran.push(`churn-${i}`));
      for (let i = 0; i < 1500; i += 1) if (i % 10 !== 0) timeline.cancel(`churn-${i}`);
    };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const timeline = createTimeline(createManualClock());
        open.push(timeline);
        const ran: string[] = [];
        churn(timeline, ran);
        // The model: live tasks by label with their due time and order; what runs is due ≤ now, in order.
        const live = new Map<string, { dueAt: number; seq: number }>();
        const expected: string[] = [];
        const unkeyed: { label: string; cancel: () => void }[] = [];
        let seq = 0;
        for (let i = 0; i < 1500; i += 10)
          live.set(`churn-${i}`, { dueAt: timeline.clock.nowMs() + 1000 + i, seq: seq++ });
        const runModel = () => {
          const now = timeline.clock.nowMs();
          const due = [...live]
            .filter(([, t]) => t.dueAt <= now)
            .sort(([, a], [, b]) => a.dueAt - b.dueAt || a.seq - b.seq);
          for (const [label] of due) {
            live.delete(label);
            expected.push(label);
          }
        };
        ops.forEach((o, n) => {
          const now = timeline.clock.nowMs();
          if (o.kind === 'schedule') {
            const label = `k${o.key}`;
            timeline.schedule(o.key, now + o.inMs, (name: string) => ran.push(name), label);
            live.set(label, { dueAt: now + o.inMs, seq: seq++ });
          } else if (o.kind === 'cancel') {
            timeline.cancel(o.key);
            live.delete(`k${o.key}`);
          } else if (o.kind === 'at') {
            const label = `u${n}`;
            unkeyed.push({ label, cancel: timeline.at(now + o.inMs, () => ran.push(label)).cancel });
            live.set(label, { dueAt: now + o.inMs, seq: seq++ });
          } else if (o.kind === 'cancelAt') {
            const u = unkeyed[o.index % Math.max(1, unkeyed.length)];
            if (u) {
              u.cancel();
              live.delete(u.label);
            }
          } else {
            timeline.advance(o.ms);
            runModel();
          }
          expect(timeline.size()).toBe(live.size);
        });
        timeline.advance(10_000);
        runModel();
        expect(ran).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  test('E215: drops cancelled and replaced entries from the heap once they are most of it', () => {
    const timeline = createTimeline(createManualClock());
    open.push(timeline);
    const now = timeline.clock.nowMs();
    const ran: number[] = [];
    for (let id = 0; id < 3000; id += 1) timeline.schedule(id, now + 10 + id, (n: number) => ran.push(n), id);
    for (let id = 0; id < 2000; id += 1) timeline.cancel(id);
    // Compacted at the 1,501st dead entry (more than half of 3,000); the 499 cancelled after it wait.
    expect(timeline.size()).toBe(1000);
    expect(timeline.entries()).toBe(1499);
    for (let id = 2000; id < 3000; id += 1) timeline.schedule(id, now + 5, (n: number) => ran.push(n), id);
    expect(timeline.size()).toBe(1000);
    timeline.advance(10_000);
    expect(ran).toEqual(Array.from({ length: 1000 }, (_, i) => 2000 + i));
    expect(timeline.entries()).toBe(0);
  });

  test('tasks without a key run among the keyed ones in due order, and a cancelled one never runs', () => {
    const { timeline, ran, at } = recorded();
    open.push(timeline);
    const now = timeline.clock.nowMs();
    at('keyed', 20);
    timeline.at(now + 10, () => ran.push('first'));
    const dropped = timeline.at(now + 15, () => ran.push('dropped'));
    timeline.at(now + 20, () => ran.push('tie, scheduled later'));
    dropped.cancel();
    expect(timeline.size()).toBe(3);
    timeline.advance(20);
    expect(ran).toEqual(['first', 'keyed', 'tie, scheduled later']);
    expect(timeline.size()).toBe(0);
  });

  test('keeps running other tasks when one throws', () => {
    const errors: unknown[] = [];
    const { timeline, ran, at } = recorded((err) => errors.push(err));
    open.push(timeline);
    at('bad', 0, () => {
      throw new Error('boom');
    });
    at('good', 0);
    timeline.runDue();
    expect(ran).toEqual(['bad', 'good']);
    expect(errors).toEqual([new Error('boom')]);
  });

  test('fires a task by its real timer when the system clock reaches it', async () => {
    const timeline = createTimeline(createSystemClock());
    open.push(timeline);
    await new Promise<void>((resolve) => timeline.schedule('soon', timeline.clock.nowMs() + 5, resolve));
    expect(timeline.size()).toBe(0);
  });
});

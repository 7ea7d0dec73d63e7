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

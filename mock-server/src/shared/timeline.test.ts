import { createManualClock } from './clock';
import { createScheduler } from './scheduler';

describe('createScheduler', () => {
  test('runs tasks when the clock reaches them, in due order', () => {
    const clock = createManualClock();
    const scheduler = createScheduler(clock);
    const ran: string[] = [];
    scheduler.schedule('b', clock.nowMs() + 2000, () => ran.push('b'));
    scheduler.schedule('a', clock.nowMs() + 1000, () => ran.push('a'));
    expect(scheduler.runDue()).toBe(0);
    clock.advance(1500);
    scheduler.runDue();
    expect(ran).toEqual(['a']);
    clock.advance(1000);
    scheduler.runDue();
    expect(ran).toEqual(['a', 'b']);
    scheduler.close();
  });

  test('does not run cancelled tasks and replaces a task scheduled again under the same key', () => {
    const clock = createManualClock();
    const scheduler = createScheduler(clock);
    const ran: string[] = [];
    scheduler.schedule('x', clock.nowMs() + 10, () => ran.push('first'));
    scheduler.schedule('x', clock.nowMs() + 20, () => ran.push('second'));
    scheduler.schedule('y', clock.nowMs() + 10, () => ran.push('y'));
    scheduler.cancel('y');
    clock.advance(100);
    scheduler.runDue();
    expect(ran).toEqual(['second']);
    expect(scheduler.size()).toBe(0);
    scheduler.close();
  });

  test('keeps running other tasks when one throws', () => {
    const clock = createManualClock();
    const errors: unknown[] = [];
    const scheduler = createScheduler(clock, (err) => errors.push(err));
    const ran: string[] = [];
    scheduler.schedule('bad', clock.nowMs(), () => {
      throw new Error('boom');
    });
    scheduler.schedule('good', clock.nowMs(), () => ran.push('good'));
    scheduler.runDue();
    expect(ran).toEqual(['good']);
    expect(errors).toHaveLength(1);
    scheduler.close();
  });
});

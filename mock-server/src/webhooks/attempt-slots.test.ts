import { createManualClock, createSystemClock } from '../shared/clock';
import { createAttemptScheduler, type ScheduledJob } from './attempt-scheduler';

interface Job extends ScheduledJob {
  name: string;
}

function job(name: string, key = 'a'): Job {
  return { name, key, dueAt: 0, seq: 0 };
}

describe('attempt scheduler', () => {
  test('runs due jobs in due-time order, ties in insertion order', async () => {
    const clock = createManualClock();
    const ran: string[] = [];
    const scheduler = createAttemptScheduler<Job>({
      clock,
      maxConcurrency: 1,
      maxPerKey: 1,
      run: (j) => Promise.resolve(void ran.push(j.name)),
    });
    const now = clock.nowMs();
    scheduler.add(job('later'), now + 50);
    scheduler.add(job('first'), now);
    scheduler.add(job('second'), now);

    await scheduler.drain();
    expect(ran).toEqual(['first', 'second']);

    clock.advance(50);
    await scheduler.drain();
    expect(ran).toEqual(['first', 'second', 'later']);
    scheduler.close();
  });

  test('holds jobs of a key at its cap while other keys run', async () => {
    const clock = createManualClock();
    const release: Array<() => void> = [];
    const started: string[] = [];
    const scheduler = createAttemptScheduler<Job>({
      clock,
      maxConcurrency: 3,
      maxPerKey: 1,
      run: (j) => {
        started.push(j.name);
        return new Promise<void>((resolve) => release.push(resolve));
      },
    });
    ['a1', 'a2', 'a3'].forEach((name) => scheduler.add(job(name, 'a'), clock.nowMs()));
    scheduler.add(job('b1', 'b'), clock.nowMs());

    scheduler.pump();
    expect(started).toEqual(['a1', 'b1']);
    expect(scheduler.size()).toBe(4);

    release.forEach((r) => r());
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a1', 'b1', 'a2']);
    scheduler.close();
    release.forEach((r) => r());
  });

  test('fires a job by its real timer when the clock reaches its due time', async () => {
    const clock = createSystemClock();
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const scheduler = createAttemptScheduler<Job>({
      clock,
      maxConcurrency: 1,
      maxPerKey: 1,
      run: () => Promise.resolve(done()),
    });

    scheduler.add(job('soon'), clock.nowMs() + 5);

    await finished;
    scheduler.close();
  });

  test('drain does not wait for jobs due in the future', async () => {
    const clock = createManualClock();
    const scheduler = createAttemptScheduler<Job>({
      clock,
      maxConcurrency: 1,
      maxPerKey: 1,
      run: () => Promise.resolve(),
    });
    scheduler.add(job('tomorrow'), clock.nowMs() + 86_400_000);

    await scheduler.drain();

    expect(scheduler.size()).toBe(1);
    expect(scheduler.clear().map((j) => j.name)).toEqual(['tomorrow']);
    scheduler.close();
  });
});

import { createManualClock, createSystemClock } from '../shared/clock';
import { createTimeline, type Timeline } from '../shared/timeline';
import { createAttemptSlots, type AttemptSlotsOptions, type SlotJob } from './attempt-slots';

interface Job extends SlotJob {
  name: string;
}

function job(name: string, key = 'a'): Job {
  return { name, key, dueAt: 0, seq: 0 };
}

let timelines: Timeline[] = [];
afterEach(() => {
  timelines.forEach((t) => t.close());
  timelines = [];
});

function slots(
  run: AttemptSlotsOptions<Job>['run'],
  caps = { maxConcurrency: 1, maxPerKey: 1 },
  clock = createManualClock(),
) {
  const timeline = createTimeline(clock);
  timelines.push(timeline);
  return { timeline, slots: createAttemptSlots<Job>({ timeline, run, ...caps }) };
}

describe('attempt slots', () => {
  test('runs due jobs in due-time order, ties in insertion order', async () => {
    const ran: string[] = [];
    const { timeline, slots: s } = slots((j) => Promise.resolve(void ran.push(j.name)));
    const now = timeline.clock.nowMs();
    s.add(job('later'), now + 50);
    s.add(job('first'), now);
    s.add(job('second'), now);

    await s.drain();
    expect(ran).toEqual(['first', 'second']);

    timeline.advance(50);
    await s.drain();
    expect(ran).toEqual(['first', 'second', 'later']);
    s.close();
  });

  test('a move of the clock starts due jobs at once, in due order, among the other tasks of the timeline', () => {
    const started: string[] = [];
    const { timeline, slots: s } = slots((j) => Promise.resolve(void started.push(j.name)), {
      maxConcurrency: 8,
      maxPerKey: 8,
    });
    const now = timeline.clock.nowMs();
    s.add(job('retry-2'), now + 2000);
    s.add(job('retry-1'), now + 1000);
    timeline.schedule('expiry', now + 1500, () => started.push('expiry'));

    timeline.advance(5000);
    expect(started).toEqual(['retry-1', 'expiry', 'retry-2']);
    s.close();
  });

  test('holds jobs of a key at its cap while other keys run', async () => {
    const release: Array<() => void> = [];
    const started: string[] = [];
    const { timeline, slots: s } = slots(
      (j) => {
        started.push(j.name);
        return new Promise<void>((resolve) => release.push(resolve));
      },
      { maxConcurrency: 3, maxPerKey: 1 },
    );
    ['a1', 'a2', 'a3'].forEach((name) => s.add(job(name, 'a'), timeline.clock.nowMs()));
    s.add(job('b1', 'b'), timeline.clock.nowMs());

    void s.drain();
    expect(started).toEqual(['a1', 'b1']);
    expect(s.size()).toBe(4);

    release.forEach((r) => r());
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a1', 'b1', 'a2']);
    s.close();
    release.forEach((r) => r());
  });

  test("fires a job by the timeline's real timer when the clock reaches its due time", async () => {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const clock = createSystemClock();
    const { timeline, slots: s } = slots(() => Promise.resolve(done()), undefined, clock);

    s.add(job('soon'), clock.nowMs() + 5);

    await finished;
    expect(timeline.size()).toBe(0);
    s.close();
  });

  test('drain also waits for a job that fell due while another ran, before any timer fired', async () => {
    const started: string[] = [];
    let finishFirst!: () => void;
    const { timeline, slots: s } = slots((j) => {
      started.push(j.name);
      return j.name === 'first' ? new Promise<void>((resolve) => (finishFirst = resolve)) : Promise.resolve();
    });
    s.add(job('first'), timeline.clock.nowMs());
    s.add(job('retry'), timeline.clock.nowMs() + 50);
    const drained = s.drain();
    timeline.clock.advance(50);
    finishFirst();
    await drained;
    expect(started).toEqual(['first', 'retry']);
    s.close();
  });

  test('drain does not wait for jobs due in the future; clear takes them off the timeline', async () => {
    const { timeline, slots: s } = slots(() => Promise.resolve());
    s.add(job('tomorrow'), timeline.clock.nowMs() + 86_400_000);

    await s.drain();

    expect(s.size()).toBe(1);
    expect(s.clear().map((j) => j.name)).toEqual(['tomorrow']);
    expect(timeline.size()).toBe(0);
    s.close();
  });
});

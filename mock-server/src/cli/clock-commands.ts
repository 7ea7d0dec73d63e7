/** `clock`, `clock advance <30m|90s|2h|1d|seconds>` and `reset`: time and state of a running mock (D4, D2). */
import { Command } from 'commander';
import type { components } from '../../../spec/generated/control-api';
import { formatDuration } from '../control/duration';
import { controlVerb, verb } from './cli-context';

type ClockState = components['schemas']['Clock'];

const movedInTotal = (clock: ClockState) =>
  clock.offsetMs > 0 ? `moved forward ${formatDuration(clock.offsetMs)} in total` : 'not moved';

export function registerClockCommands(program: Command): void {
  const clock = program.command('clock').description('show the mock clock, or move it forward');

  controlVerb(
    clock.command('show', { isDefault: true }).description('show the mock clock (the default)'),
    async (ctx) => {
      const state = await ctx.client.get<ClockState>('/__control/clock');
      ctx.result(state, () => `Mock clock: ${state.now} (${movedInTotal(state)})`);
    },
  );

  controlVerb(
    verb(clock, 'advance <duration>', 'move the clock forward; due expiries fire and due webhook retries are sent', {
      duration: 'e.g. 90s, 30m, 2h, 1d, or a number of seconds',
    }),
    async (ctx, duration: string) => {
      const body = /^\d+(\.\d+)?$/.test(duration) ? { seconds: Number(duration) } : { duration };
      const state = await ctx.client.post<ClockState>('/__control/clock/advance', body);
      ctx.result(state, () => `Moved the clock forward ${duration}: now ${state.now} (${movedInTotal(state)})`);
    },
  );

  controlVerb(
    program
      .command('reset')
      .description('drop every record, delivery, fault and journal entry; start from the default partner or a scenario')
      .option('--scenario <name>', 'a scenario name from fixtures/scenarios'),
    async (ctx, flags: { scenario?: string }) => {
      const result = await ctx.client.post(
        '/__control/reset',
        flags.scenario ? { scenario: flags.scenario } : undefined,
      );
      ctx.result(
        result,
        () =>
          `Mock reset to ${flags.scenario ? `scenario ${flags.scenario}` : 'its default partner'} (the clock keeps its time)`,
      );
    },
  );
}

/**
 * D2: the whole state at once. Reset starts again from the default partner (or a named scenario);
 * export and import move the state as one scenario document (fixtures/scenarios/README.md). The
 * runtime's world (runtime/world.ts) does each of them; the clock is never moved back (D4).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../spec';
import { apiError } from '../http/api-error';
import { ok, type ControlHandlers } from '../http/handler';
import { findNamedScenarioFile, readScenarioFile } from '../../../fixtures/src/scenario-file';
import type { StateParts } from './control-parts';

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Only names of fixtures/scenarios over HTTP: a path would let any caller make the mock read files
 * (the CLI's `--scenario` at start-up does accept paths).
 */
function readNamedScenario(name: string): unknown {
  if (/[\\/]|\.(json|ya?ml)$/i.test(name))
    throw apiError('unknown_scenario', `scenario must be a name from fixtures/scenarios, not a path: ${name}`);
  try {
    // The file-path way out is the CLI's; over HTTP, a world of one's own goes in with PUT /__control/state.
    return readScenarioFile(findNamedScenarioFile(name, '(a world of your own: PUT /__control/state)'));
  } catch (err) {
    throw apiError('unknown_scenario', (err as Error).message);
  }
}

export function createControlStateHandlers({ world }: StateParts) {
  const version = packageVersion();
  return {
    getHealth: () => ok({ ok: true, version, partners: world.counts().partners }),

    resetState(ctx) {
      const scenario = ctx.body?.scenario;
      // A scenario that does not load answers 400 and leaves everything as it was.
      world.reset(scenario === undefined ? undefined : readNamedScenario(scenario));
      return ok({ ok: true });
    },

    exportState: () => ok(world.export()),

    importState(ctx) {
      const { counts } = world.load(ctx.body);
      return ok({ ok: true, counts });
    },
  } satisfies Partial<ControlHandlers>;
}

/**
 * D2: the whole state at once. Reset starts again from the default partner (or a named scenario);
 * export and import move the state as one scenario document (fixtures/scenarios/README.md).
 *
 * The clock is deliberately not moved back on reset: it only moves forward (D4), so timestamps
 * written before and after a reset never run backwards, and timers armed before it cannot fire twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../spec';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { ok, type HandlerTable } from '../http/handler';
import { MockState, replaceState } from '../state/mock-state';
import { exportScenario, loadScenario, resolveScenario } from '../state/scenario-loader';
import { seedDefaultPartner } from '../state/seed';
import type { Health, ResetRequest, StateImported } from './control-types';

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
    return resolveScenario(name);
  } catch (err) {
    throw apiError('unknown_scenario', (err as Error).message);
  }
}

export function createControlStateHandlers(deps: AppDeps): HandlerTable {
  const { state, clock, config, faults, journal, dispatcher, deliveries } = deps;
  const version = packageVersion();

  function resetToDefault(): void {
    const fresh = new MockState();
    seedDefaultPartner(fresh, config, clock);
    replaceState(state, fresh); // timers of the old state find no payment with their token and do nothing
    dispatcher.reset();
    deliveries.clear();
  }

  return {
    getHealth: () => ok({ ok: true, version, partners: state.partners.size } satisfies Health),

    resetState(ctx) {
      const scenario = (ctx.body as ResetRequest | undefined)?.scenario;
      // A scenario that does not load answers 400 and leaves everything as it was.
      if (scenario !== undefined) loadScenario(deps, readNamedScenario(scenario));
      else resetToDefault();
      faults.clear();
      journal.clear();
      return ok({ ok: true });
    },

    exportState: () => ok(exportScenario(deps)),

    importState(ctx) {
      const { counts } = loadScenario(deps, ctx.body);
      return ok({ ok: true, counts } satisfies StateImported);
    },
  };
}

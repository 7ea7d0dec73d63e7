/**
 * `--scenario <name|path>` at start: the scenario is loaded before the server listens. Any problem
 * stops the start with one message that lists them all (main.ts exits with it).
 */
import type { AppDeps } from '../deps';
import { isApiError } from '../http/api-error';
import { loadScenario, resolveScenario } from '../state/scenario-loader';

export function loadStartupScenario(deps: AppDeps, scenario: string | null): void {
  if (scenario === null) return;
  const input = resolveScenario(scenario);
  try {
    const { counts } = loadScenario(deps, input);
    deps.logger.info({ scenario, counts }, 'scenario loaded');
  } catch (err) {
    if (!isApiError(err)) throw err;
    const problems = Array.isArray(err.messages) ? err.messages : [err.messages];
    throw new Error(
      `Scenario ${scenario} does not load (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
  }
}

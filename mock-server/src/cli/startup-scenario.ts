/**
 * `--scenario <name|path>` at start: the scenario is loaded before the server listens. Any problem
 * stops the start with one message that lists them all, each with its line in the file (main.ts
 * exits with it).
 */
import fs from 'node:fs';
import { findScenarioFile, parseScenarioText } from '../../../fixtures/src/scenario-file';
import { withLines } from '../../../fixtures/src/source-lines';
import type { AppDeps } from '../deps';
import { isApiError } from '../http/api-error';
import { loadScenario } from '../state/scenario-loader';

export function loadStartupScenario(deps: AppDeps, scenario: string | null): void {
  if (scenario === null) return;
  const file = findScenarioFile(scenario);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(
      `Cannot read scenario file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    const { counts } = loadScenario(deps, parseScenarioText(text, file));
    deps.logger.info({ scenario, counts }, 'scenario loaded');
  } catch (err) {
    if (!isApiError(err)) throw err;
    const problems = withLines(text, Array.isArray(err.messages) ? err.messages : [err.messages]);
    throw new Error(
      `Scenario ${scenario} does not load (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
  }
}

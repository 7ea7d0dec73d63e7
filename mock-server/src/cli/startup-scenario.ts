/**
 * `--scenario <name|path>` at start: the scenario is loaded before the server listens. Any problem
 * stops the start with one message that lists them all, each with its line in the file (main.ts
 * exits with it).
 */
import type { Logger } from 'pino';
import { findScenarioFile, readScenarioText } from '../../../fixtures/src/scenario-file';
import { withLines } from '../../../fixtures/src/source-lines';
import { isApiError } from '../http/api-error';
import { collectGarbage, COLLECT_AFTER_RECORDS, type World } from '../runtime/world';

export interface StartupParts {
  world: Pick<World, 'loadFile'>;
  logger: Pick<Logger, 'info'>;
}

export function loadStartupScenario({ world, logger }: StartupParts, scenario: string | null): void {
  if (scenario === null) return;
  const file = findScenarioFile(scenario);
  try {
    // The text is not kept while the world is built (a million payments are 270 MB of it): only a
    // scenario with problems reads it again, for the lines (E192).
    const { counts, streamed } = world.loadFile(file);
    // E193: a document parsed whole is garbage now; a large one goes back before the mock listens.
    // E218: one read in pieces left no such document behind.
    if (!streamed && Object.values(counts).reduce((sum, n) => sum + n, 0) >= COLLECT_AFTER_RECORDS) collectGarbage();
    logger.info({ scenario, counts, streamed }, 'scenario loaded');
  } catch (err) {
    if (!isApiError(err)) throw err;
    const problems = withLines(readScenarioText(file), Array.isArray(err.messages) ? err.messages : [err.messages]);
    throw new Error(
      `Scenario ${scenario} does not load (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/**
 * Scenarios (fixtures/scenarios/README.md) into the running mock and back out. A load is checked in
 * full first and builds a complete new MockState; only then does it replace the running state, in
 * one step. A scenario with any problem changes nothing.
 */
// Not the fixtures index: that would load faker (the builders) into every mock start.
import type { Scenario, ScenarioCounts } from '../../../fixtures/src/scenario';
import { findScenarioFile, readScenarioFile } from '../../../fixtures/src/scenario-file';
import { validateScenario } from '../../../fixtures/src/scenario-validate';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { replaceState, type MockState } from './mock-state';
import { scenarioToState } from './scenario-to-state';

export type ScenarioDeps = Pick<
  AppDeps,
  'state' | 'clock' | 'ids' | 'config' | 'dispatcher' | 'deliveries' | 'services'
>;

/** Throws `invalid_scenario` (400) listing every problem, and then the running state is untouched. */
export function loadScenario(deps: ScenarioDeps, input: unknown): { counts: ScenarioCounts } {
  const result = validateScenario(input);
  if (!result.ok) throw apiError('invalid_scenario', result.problems);
  const fresh = scenarioToState(result.scenario, deps);

  replaceState(deps.state, fresh);
  // Deliveries and their retries belong to the state that was replaced.
  deps.dispatcher.reset();
  deps.deliveries.clear();
  // D20: pending payments expire by the mock's clock, and settle as their outcome rule decided (E101).
  // Timers left from the replaced state find no payment with their token any more and do nothing.
  for (const payment of deps.state.payments.values()) deps.services.payments.resume(payment);
  return { counts: countsOf(deps.state) };
}

export function countsOf(state: MockState): ScenarioCounts {
  const { partners, merchants, stores, payments, webhooks } = state;
  return {
    partners: partners.size,
    merchants: merchants.size,
    stores: stores.size,
    payments: payments.size,
    webhooks: webhooks.size,
  };
}

/** Every record with every field, so that loading the result gives the same state back. */
export function exportScenario(deps: Pick<AppDeps, 'state'>): Scenario {
  const { state } = deps;
  const scenario: Scenario = {
    version: 1,
    partners: [...state.partners.values()].map((partner) => ({
      ...partner,
      credentials: state
        .credentialsOf(partner.id)
        .map(({ partnerId: _partnerId, secret, ...credential }) => ({ ...credential, clientSecret: secret })),
    })),
    merchants: [...state.merchants.values()].map(({ fastTrack, ...merchant }) => ({
      ...merchant,
      fastTrack: fastTrack && { ...fastTrack },
    })),
    stores: [...state.stores.values()].map(({ partnerId: _partnerId, ...store }) => store),
    payments: [...state.payments.values()].map(
      ({ partnerId: _partnerId, merchantClientId: _clientId, ...payment }) => payment,
    ),
    webhooks: [...state.webhooks.values()].map((webhook) => ({ ...webhook, events: [...webhook.events] })),
    // E102: only when there are rules, so a mock without any exports what it always did.
    ...(state.rules.length > 0 && { rules: structuredClone(state.rules) }),
  };
  return scenario;
}

/** A named scenario (fixtures/scenarios/<name>.json) or a JSON/YAML file; unknown names list the known ones. */
export function resolveScenario(nameOrPath: string): unknown {
  return readScenarioFile(findScenarioFile(nameOrPath));
}

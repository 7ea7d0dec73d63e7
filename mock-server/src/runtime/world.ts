/**
 * The one place the running world is replaced (E130): a reset (D2), a scenario or an import
 * (fixtures/scenarios/README.md) and the state file's stored world (E50-E53). Each builds and checks
 * a complete new MockState first; only then is it swapped in, in one step, so that anything that
 * does not load changes nothing. The swap drops the deliveries and retries of the replaced world and
 * resumes what the new one has waiting for the clock. The clock itself is never moved back (D4):
 * timestamps written before and after a swap never run backwards.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Logger } from 'pino';
import type { Scenario, ScenarioCounts, ScenarioPayment } from '../../../fixtures/src/scenario';
import { readScenarioFile } from '../../../fixtures/src/scenario-file';
import { readScenarioStream, type StreamOptions } from '../../../fixtures/src/scenario-stream';
import { scenarioPaymentsCheck, validateScenario } from '../../../fixtures/src/scenario-validate';
import type { MockConfig } from '../config';
import type { FaultRegistry } from '../control/faults';
import type { RequestJournal } from '../control/request-journal';
import type { Services } from '../domain';
import { apiError } from '../http/api-error';
import { readStoredWorld, type WorldCounts } from '../persistence/world';
import type { LoadedWorld } from '../persistence/state-store';
import type { StoredDelivery, TrackedDeliveryStore } from '../persistence/tracked-deliveries';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { MockState } from '../state/mock-state';
import { scenarioBuilder, scenarioToState } from '../state/scenario-to-state';
import { seedDefaultPartner } from '../state/seed';
import type { WebhookDispatcher } from '../webhooks';

export interface WorldParts {
  state: MockState;
  clock: Clock;
  ids: IdGenerator;
  config: MockConfig;
  services: Pick<Services, 'payments'>;
  dispatcher: WebhookDispatcher;
  deliveries: TrackedDeliveryStore;
  faults: FaultRegistry;
  journal: RequestJournal;
  logger: Logger;
}

export interface World {
  /**
   * D2: starts again from the default partner, or from a scenario document (checked in full first:
   * a scenario with any problem throws `invalid_scenario` listing them all and changes nothing).
   * Faults and the request journal start again too.
   */
  reset(scenario?: unknown): void;
  /** Makes a scenario document (an import) the running world; faults and the journal stay. */
  load(scenario: unknown): { counts: ScenarioCounts };
  /**
   * `load` of a scenario file (`--scenario`). A large JSON file in the house style is read a piece of
   * its payments at a time (E218, `streamed`); any other file, or one with problems, is read whole.
   */
  loadFile(file: string, stream?: StreamOptions): { counts: ScenarioCounts; streamed: boolean };
  /** Every record with every field, so that loading the result gives the same world back. */
  export(): Scenario;
  /** The state file's stored world, checked (StateFileError at the first unsound record) and resumed (E53). */
  install(stored: LoadedWorld): WorldCounts;
  counts(): ScenarioCounts;
}

export function createWorld(parts: WorldParts): World {
  const { state, clock, ids, config, services, dispatcher, deliveries } = parts;

  /**
   * The swap. The running state keeps its change log, which then rewrites the whole state file in
   * one commit (E50), and its config rules, which go into the new world's rules (E102).
   */
  function swap(fresh: MockState, restore: () => void = () => {}): void {
    // E215: the replaced world's expiries and settlements leave the timeline with it.
    for (const payment of state.changeablePayments())
      if (payment.status === 'pending') services.payments.unschedule(payment);
    state.replaceWith(fresh);
    // Deliveries and their retries belong to the world that was replaced.
    dispatcher.reset();
    deliveries.clear();
    restore();
    // D20: pending payments expire by the mock's clock, and settle as their outcome rule decided (E101)
    // or as `X-Mock-Payment: delay=` asked (D25, E132).
    for (const payment of state.changeablePayments()) services.payments.resume(payment);
    for (const [paymentId, dueMs] of state.mockSettlements) {
      const payment = state.payments.get(paymentId)!;
      if (payment.status === 'pending') services.payments.scheduleMockCompletionAt(payment, dueMs);
    }
  }

  function fromScenario(input: unknown): MockState {
    const result = validateScenario(input);
    if (!result.ok) throw apiError('invalid_scenario', result.problems);
    return scenarioToState(result.scenario, { clock, ids, config });
  }

  /**
   * E218: the new state from a house-style file read in pieces, or null to read it whole: another
   * layout, a problem anywhere (the whole read names them all), or payments out of id order. Each
   * piece is checked before its records are built. The id sequence goes back to where it was, so
   * the whole read draws the ids it would have drawn.
   */
  function fromScenarioFile(file: string, options?: StreamOptions): MockState | null {
    const stream = readScenarioStream(file, options);
    if (!stream) return null;
    const position = ids.position?.();
    try {
      const check = scenarioPaymentsCheck(stream.head);
      if (!check) return null;
      const builder = scenarioBuilder(stream.head as unknown as Scenario, { clock, ids, config });
      for (const piece of stream.payments()) {
        if (!check(piece)) return back();
        builder.addPayments(piece as ScenarioPayment[]);
      }
      return builder.finish();
    } catch {
      // Another layout (ScenarioNotStreamable), or a record the checks let through that the build
      // cannot make: the whole read reports either as it always has.
      return back();
    } finally {
      stream.close();
    }

    function back(): null {
      if (position !== undefined) ids.seek?.(position);
      return null;
    }
  }

  function counts(): ScenarioCounts {
    const { partners, merchants, stores, payments, webhooks } = state;
    return {
      partners: partners.size,
      merchants: merchants.size,
      stores: stores.size,
      payments: payments.size,
      webhooks: webhooks.size,
    };
  }

  return {
    reset(scenario) {
      let fresh: MockState;
      if (scenario === undefined) {
        fresh = new MockState();
        seedDefaultPartner(fresh, config, clock);
      } else fresh = fromScenario(scenario);
      swap(fresh);
      parts.faults.clear();
      parts.journal.clear();
    },

    load(scenario) {
      swap(fromScenario(scenario));
      return { counts: counts() };
    },

    loadFile(file, options) {
      const streamed = fromScenarioFile(file, options);
      swap(streamed ?? fromScenario(readScenarioFile(file)));
      return { counts: counts(), streamed: streamed !== null };
    },

    export: () => exportScenario(state),

    install(stored) {
      const { state: fresh, deliveries: kept, meta } = readStoredWorld(stored);
      swap(fresh, () => {
        for (const delivery of kept) deliveries.restore(delivery);
        parts.faults.restore(meta.faults);
        if (meta.idsPosition !== null) ids.seek?.(meta.idsPosition);
        // E52: the clock goes on from where QA left it, and never behind the last commit.
        const behind = meta.clock.offsetMs - clock.offsetMs();
        if (behind > 0) clock.advance(behind);
        const late = meta.clock.nowMs - clock.nowMs();
        if (late > 0) clock.advance(late);
      });
      const resumed = resumeStored(kept);
      const installed = counts();
      // E202: the rows read and parsed are garbage now; a large world's go back before the mock listens.
      if (Object.values(installed).reduce((sum, n) => sum + n, 0) >= COLLECT_AFTER_RECORDS) collectGarbage();
      return { ...installed, deliveries: kept.length, resumedDeliveries: resumed };
    },

    counts,
  };

  /** D29: pending deliveries wait again, at the same clock times (E53). */
  function resumeStored(kept: StoredDelivery[]): number {
    let resumed = 0;
    for (const { record, secret } of kept) {
      if (record.outcome !== 'pending') continue;
      const key = secret ?? state.webhooks.get(record.webhookId)?.secret;
      if (key === undefined) {
        parts.logger.warn({ deliveryId: record.id }, 'pending delivery has no secret to sign with; not resumed');
        continue;
      }
      dispatcher.resume(record, key);
      resumed += 1;
    }
    return resumed;
  }
}

function exportScenario(state: MockState): Scenario {
  return {
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
    payments: [...state.payments.values()].map(({ partnerId: _partnerId, merchantClientId: _clientId, ...payment }) => {
      const settlement = state.mockSettlements.get(payment.id); // E132
      return settlement === undefined ? payment : { ...payment, mockSettlementAt: new Date(settlement).toISOString() };
    }),
    webhooks: [...state.webhooks.values()].map((webhook) => ({ ...webhook, events: [...webhook.events] })),
    // E102: only when there are rules, so a mock without any exports what it always did.
    ...(state.rules.length > 0 && { rules: structuredClone(state.rules) }),
  };
}

/**
 * E193: from this many records on, a world loaded at start is followed by one full garbage
 * collection (`collectGarbage`), so that the parsed document's memory goes back before the mock
 * listens; below it the document is small and V8 collects it in its own time.
 */
export const COLLECT_AFTER_RECORDS = 100_000;

/**
 * A full garbage collection, now, with its memory back to the system: V8 gives pages back when a
 * collection's sweeping ends, which a second collection finishes at once (E193). Node offers `gc`
 * only behind `--expose-gc`; the flag is set for the moment it takes to get V8's `gc` from a new
 * context, and unset again, so that no other context (and not the mock's own global) gets it.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  let gc: () => void;
  try {
    gc = vm.runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  gc();
  gc();
}

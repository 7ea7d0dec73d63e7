/**
 * The runtime owns the mock's world and builds everything the app needs from a config, in one pass:
 * the state, the services, the webhook dispatcher and its delivery log, faults, journal, live feed,
 * test receiver, timers and the state file. The world is replaced only through `world` (E130). The
 * app, control handlers, pages, console and CLI each take the narrow parts they use. Tests pass their
 * own clock, ids, logger and webhook HTTP client.
 */
import type { Logger } from 'pino';
import { listOperations, type SpecOperation } from '../../../spec';
import type { MockConfig } from '../config';
import { createFaultRegistry, type FaultRegistry } from '../control/faults';
import { createRequestJournal, type RequestJournal } from '../control/request-journal';
import { createLiveFeed, deliverySummary, feedDomainEvents, type LiveFeed } from '../control/live-events';
import { createTestReceiver, type TestReceiver } from '../control/test-receiver';
import { createControlHandlers } from '../control/control-handlers';
import { createPartnerApiHandlers, createServices, type Services } from '../domain';
import { configRules } from '../domain/rules/config-rules';
import type { HandlerTable } from '../http/handler';
import { compileValidators, type OperationValidators } from '../openapi/validators';
import { createSystemClock, type Clock } from '../shared/clock';
import { createEventBus } from '../shared/events';
import { createRandomIds, createSeededIds, type IdGenerator } from '../shared/ids';
import { NO_PERSISTENCE, type Persistence } from '../persistence/persistence';
import { trackDeliveries, type TrackedDeliveryStore } from '../persistence/tracked-deliveries';
import { createPublicLinks, type PublicLinks } from '../shared/links';
import { createLogger } from '../shared/logger';
import { createTimeline } from '../shared/timeline';
import { MockState } from '../state/mock-state';
import { seedDefaultPartner } from '../state/seed';
import {
  createNodeHttpClient,
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookHttpClient,
} from '../webhooks';
import type { ServiceDeps } from '../domain/service-deps';
import { createWorld, type World } from './world';

export interface OperationSet {
  operations: SpecOperation[];
  validators: Map<string, OperationValidators>;
  handlers: HandlerTable;
}

export interface Runtime extends ServiceDeps {
  logger: Logger;
  links: PublicLinks;
  services: Services;
  faults: FaultRegistry;
  journal: RequestJournal;
  deliveries: TrackedDeliveryStore;
  dispatcher: WebhookDispatcher;
  /** E71: the one stream of changes (GET /__control/events). */
  live: LiveFeed;
  /** E73: the mock's own webhook receiver at /__receiver. */
  receiver: TestReceiver;
  /** Reset, scenario load, export and the state file's install: the one place the world is replaced (E130). */
  world: World;
  /** The state file (E50) once server.ts has opened one; NO_PERSISTENCE otherwise. */
  persistence: Persistence;
  partnerApi: OperationSet;
  control: OperationSet;
}

export interface RuntimeOverrides {
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  http?: WebhookHttpClient;
  random?: () => number;
}

/** Compiled once per process: validators depend only on the spec and the lenient flag. */
const validatorCache = new Map<string, Map<string, OperationValidators>>();
function validatorsFor(name: 'partner-api' | 'control-api', operations: SpecOperation[], lenient: boolean) {
  const key = `${name}:${lenient}`;
  let validators = validatorCache.get(key);
  if (!validators) {
    validators = compileValidators(operations, { lenient });
    validatorCache.set(key, validators);
  }
  return validators;
}

export function createRuntime(config: MockConfig, getBaseUrl: () => string, overrides: RuntimeOverrides = {}): Runtime {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? createSystemClock();
  const ids = overrides.ids ?? (config.seed !== null ? createSeededIds(config.seed) : createRandomIds());
  const events = createEventBus((err) => logger.error({ err }, 'event listener failed'));
  const timeline = createTimeline(clock, (err) => logger.error({ err }, 'scheduled task failed'));
  const state = new MockState();
  seedDefaultPartner(state, config, clock);
  // E102, E103: --rules and --auto-pay; a rules file that does not load stops the start here.
  state.configRules = configRules(config);
  state.applyConfigRules();
  const random = overrides.random ?? Math.random;
  const live = createLiveFeed({ clock });
  feedDomainEvents(events, live);

  // With a state file, every delivery change joins the state's change log (E50, E53).
  const deliveries = trackDeliveries(
    () => state.changes,
    (delivery) => state.webhooks.get(delivery.webhookId)?.secret,
  );
  const dispatcher = createWebhookDispatcher({
    timeline,
    http: overrides.http ?? createNodeHttpClient(),
    logger,
    retrySchedule: config.webhookRetrySchedule,
    timeoutMs: config.webhookTimeoutMs,
    newDeliveryId: () => `dlv_${ids.hex(12)}`,
    store: deliveries,
    lookupSecret: (webhookId) => state.webhooks.get(webhookId)?.secret,
    onAttempt: (delivery) => {
      live.publish('delivery', deliverySummary(delivery));
      const webhook = state.webhooks.get(delivery.webhookId);
      if (!webhook) return;
      webhook.lastTriggeredAt = delivery.updatedAt;
      state.touch('webhooks', webhook);
    },
  });
  const links = createPublicLinks(getBaseUrl);
  const serviceDeps: ServiceDeps = { state, clock, ids, events, timeline, config };
  const services = createServices({ ...serviceDeps, links, dispatcher, logger, random });
  const faults = createFaultRegistry(random);
  const journal = createRequestJournal(clock);
  const world = createWorld({ state, clock, ids, config, services, dispatcher, deliveries, faults, journal, logger });
  const receiver = createTestReceiver({ clock, state, deliveries, live, baseUrl: () => links.base() });

  const parts = { ...serviceDeps, services, faults, journal, deliveries, dispatcher, live, receiver, world };
  const partnerOperations = listOperations('partner-api');
  const controlOperations = listOperations('control-api');
  return {
    ...parts,
    logger,
    links,
    persistence: NO_PERSISTENCE,
    partnerApi: {
      operations: partnerOperations,
      validators: validatorsFor('partner-api', partnerOperations, config.lenient),
      handlers: createPartnerApiHandlers(services),
    },
    control: {
      operations: controlOperations,
      validators: validatorsFor('control-api', controlOperations, false),
      handlers: createControlHandlers(parts),
    },
  };
}

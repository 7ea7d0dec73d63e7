/** All domain services, built from explicit deps, and the partner-API handler table joined by operationId. */
import type { Logger } from 'pino';
import type { PartnerHandlers } from '../http/handler';
import type { PublicLinks } from '../shared/links';
import type { WebhookDispatcher } from '../webhooks';
import { createCredentialsHandlers } from './credentials/credentials-handlers';
import { createCredentialsService } from './credentials/credentials-service';
import { createMerchantsHandlers } from './merchants/merchants-handlers';
import { createMerchantsService } from './merchants/merchants-service';
import { createPaymentsHandlers } from './payments/payments-handlers';
import { createPaymentsService } from './payments/payments-service';
import { createProfileHandlers } from './profile/profile-handlers';
import { createProfileService } from './profile/profile-service';
import { createResponseHold } from './rules/response-hold';
import { createRulesService } from './rules/rules-service';
import type { ServiceDeps } from './service-deps';
import { createStatsHandlers } from './stats/stats-handlers';
import { createStatsService } from './stats/stats-service';
import { createStoresHandlers } from './stores/stores-handlers';
import { createStoresService } from './stores/stores-service';
import { createWebhooksHandlers } from './webhooks/webhooks-handlers';
import { createWebhooksService } from './webhooks/webhooks-service';

export interface DomainDeps extends ServiceDeps {
  links: PublicLinks;
  dispatcher: WebhookDispatcher;
  logger: Logger;
  /** Values in [0, 1): delays given as a range (E108); tests pass their own. */
  random?: () => number;
}

export function createServices(deps: DomainDeps) {
  const random = deps.random ?? Math.random;
  const stores = createStoresService(deps);
  const merchants = createMerchantsService({ ...deps, stores });
  // E100-E105: the rules, and the hold that lets a create request's answer wait for a delivery.
  const rules = createRulesService(deps);
  const hold = createResponseHold();
  const payments = createPaymentsService({ ...deps, merchants, stores, rules, hold, random });
  return {
    profile: createProfileService(deps),
    credentials: createCredentialsService(deps),
    merchants,
    stores,
    payments,
    webhooks: createWebhooksService({ ...deps, rules, hold, random }),
    stats: createStatsService(deps),
    rules,
  };
}

export type Services = ReturnType<typeof createServices>;

export function createPartnerApiHandlers(services: Services): PartnerHandlers {
  return {
    ...createProfileHandlers(services.profile),
    ...createCredentialsHandlers(services.credentials),
    ...createMerchantsHandlers(services.merchants),
    ...createStoresHandlers(services.stores),
    ...createPaymentsHandlers(services.payments),
    ...createWebhooksHandlers(services.webhooks),
    ...createStatsHandlers(services.stats),
  };
}

/**
 * What the control handlers are built from (E130): the runtime hands them these parts, and each
 * factory names the few it uses, so no handler sees the whole runtime.
 */
import type { Services } from '../domain';
import type { ServiceDeps } from '../domain/service-deps';
import type { World } from '../runtime/world';
import type { DeliveryStore, WebhookDispatcher } from '../webhooks';
import type { FaultRegistry } from './faults';
import type { LiveFeed } from './live-events';
import type { RequestJournal } from './request-journal';
import type { TestReceiver } from './test-receiver';

export interface ControlParts extends Pick<ServiceDeps, 'state' | 'clock' | 'ids' | 'timeline'> {
  services: Services;
  faults: FaultRegistry;
  journal: RequestJournal;
  deliveries: DeliveryStore;
  dispatcher: WebhookDispatcher;
  live: LiveFeed;
  receiver: TestReceiver;
  world: Pick<World, 'reset' | 'load' | 'export' | 'counts'>;
}

export type StateParts = Pick<ControlParts, 'world'>;
export type PaymentParts = Pick<ControlParts, 'services' | 'deliveries' | 'journal'>;
export type MerchantParts = Pick<ControlParts, 'state' | 'services'>;
export type PartnerParts = Pick<ControlParts, 'state' | 'clock' | 'ids'>;
export type ClockParts = Pick<ControlParts, 'timeline'>;
export type DeliveryParts = Pick<ControlParts, 'deliveries' | 'dispatcher' | 'state'>;
export type FaultParts = Pick<ControlParts, 'faults' | 'journal' | 'clock'>;
export type ConsoleParts = Pick<ControlParts, 'live' | 'journal' | 'receiver'>;
export type RuleParts = Pick<ControlParts, 'services'>;

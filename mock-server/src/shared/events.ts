/**
 * Domain events: services publish them after a state change has been committed; the webhook
 * dispatcher turns them into deliveries (D27, D29). Publishing never throws into the service.
 */
import type { components } from '../../../spec/generated/partner-api';

type Schemas = components['schemas'];

/** A payment event's `data` as the spec has it; the mock always writes the optional ones (null when unset). */
export type PaymentEventData = Schemas['PaymentEventData'] &
  Required<Pick<Schemas['PaymentEventData'], 'storeId' | 'registerId' | 'paidAt'>>;

export type MerchantEventData = Schemas['MerchantEventData'];

/** The webhook body's `event` and `timestamp` (as `type`), its `data`, and the partner it is for. */
export type DomainEvent =
  | { type: Schemas['PaymentEvent']['event']; partnerId: number; timestamp: string; data: PaymentEventData }
  | { type: Schemas['MerchantEvent']['event']; partnerId: number; timestamp: string; data: MerchantEventData };

export type EventListener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onListenerError: (err: unknown) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

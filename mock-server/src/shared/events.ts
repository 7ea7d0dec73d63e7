/**
 * Domain events: services publish them after a state change has been committed; the webhook
 * dispatcher turns them into deliveries (D27, D29). Publishing never throws into the service.
 */
import type { WebhookEventType } from '../state/records';

export interface PaymentEventData {
  paymentId: number;
  referenceNumber: string;
  status: 'pending' | 'paid' | 'failed' | 'expired';
  amount: number;
  currency: string;
  merchantClientId: string;
  merchantName: string;
  bankPaymentStatus: string | null;
  storeId: string | null;
  registerId: string | null;
  paidAt: string | null;
  test?: boolean;
}

export interface MerchantEventData {
  merchantId: number;
  clientId: string;
  companyName: string;
  status: 'pending' | 'active' | 'inactive';
  test?: boolean;
}

export type DomainEvent =
  | { type: 'payment.completed' | 'payment.failed'; partnerId: number; timestamp: string; data: PaymentEventData }
  | {
      type: 'merchant.activated' | 'merchant.deactivated';
      partnerId: number;
      timestamp: string;
      data: MerchantEventData;
    };

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

export type { WebhookEventType };

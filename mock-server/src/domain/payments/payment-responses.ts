/** Record → spec shapes for payments: the API responses (D19, D21) and the webhook data (D27). */
import type { components } from '../../../../spec/generated/partner-api';
import type { PaymentEventData } from '../../shared/events';
import type { PaymentRecord } from '../../state/records';

export type PaymentCreated = components['schemas']['PaymentCreated'];
export type PaymentStatusResponse = components['schemas']['PaymentStatusResponse'];
export type PaymentListItem = components['schemas']['PaymentListItem'];
export type PaymentList = components['schemas']['PaymentList'];

/** D19: the seed's six fields, in the seed's order. */
export function toPaymentCreated(p: PaymentRecord, paymentUrl: string): PaymentCreated {
  return {
    paymentId: p.id,
    paymentUrl,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    referenceNumber: p.referenceNumber,
  };
}

export function toPaymentStatusResponse(p: PaymentRecord): PaymentStatusResponse {
  return {
    paymentId: p.id,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    referenceNumber: p.referenceNumber,
    merchantClientId: p.merchantClientId,
    storeId: p.storeId,
    registerId: p.registerId,
    bankPaymentStatus: p.bankPaymentStatus,
    paidAt: p.paidAt,
    expiresAt: p.expiresAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toPaymentListItem(p: PaymentRecord, merchantName: string): PaymentListItem {
  return {
    id: p.id,
    referenceNumber: p.referenceNumber,
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    merchantClientId: p.merchantClientId,
    merchantName,
    description: p.description,
    createdAt: p.createdAt,
  };
}

/** D27: `merchantName` is the merchant's company name at the time of the event. */
export function toPaymentEventData(p: PaymentRecord, merchantName: string): PaymentEventData {
  return {
    paymentId: p.id,
    referenceNumber: p.referenceNumber,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    merchantClientId: p.merchantClientId,
    merchantName,
    bankPaymentStatus: p.bankPaymentStatus,
    storeId: p.storeId,
    registerId: p.registerId,
    paidAt: p.paidAt,
  };
}

export { signWebhookBody, verifyWebhookSignature } from './signature';
export { createNodeHttpClient, type WebhookHttpClient, type NodeWebhookHttpClient } from './http-client';
export { createDeliveryStore, type DeliveryStore, type DeliveryStoreOptions } from './delivery-store';
export { buildDeliveryHeaders } from './delivery-attempt';
export { createWebhookDispatcher, type WebhookDispatcher } from './delivery-queue';
export { createWebhookListener, type WebhookListener, type ReceivedDelivery } from './listener';

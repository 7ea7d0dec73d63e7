export { signWebhookBody, verifyWebhookSignature, SIGNATURE_HEADER } from './signature';
export {
  createNodeHttpClient,
  type WebhookHttpClient,
  type WebhookHttpResponse,
  type NodeWebhookHttpClient,
} from './http-client';
export {
  createDeliveryStore,
  type DeliveryStore,
  type DeliveryFilter,
  type DeliveryQuery,
  type DeliveryPage,
  type DeliveryStoreOptions,
} from './delivery-store';
export { buildDeliveryBody, type DeliveryInput } from './delivery-record';
export { buildDeliveryHeaders, WEBHOOK_USER_AGENT } from './delivery-attempt';
export {
  createWebhookDispatcher,
  DEFAULT_RETRY_SCHEDULE,
  DEFAULT_TIMEOUT_MS,
  type WebhookDispatcher,
  type DispatcherDeps,
  type DispatcherLogger,
} from './delivery-queue';
export {
  createWebhookListener,
  type WebhookListener,
  type WebhookListenerOptions,
  type ReceivedDelivery,
} from './listener';
export { formatReceivedDelivery } from './listener-format';
export { checkWebhookBody } from './event-schemas';

/**
 * The public surface of acountpay-mock for code that embeds it: the server, the app factory, the
 * config, and the webhook helpers POS developers use to check deliveries.
 */
export { createMockServer, type MockServer, type MockServerOptions } from './server';
export { createApp } from './app';
export { createRuntime, type Runtime, type RuntimeOverrides } from './runtime/runtime';
/** The names of the runtime before E130, kept for code that embeds the mock. */
export {
  createRuntime as buildDeps,
  type Runtime as AppDeps,
  type RuntimeOverrides as DepsOverrides,
} from './runtime/runtime';
export { parseConfig, DEFAULT_CONFIG, type MockConfig } from './config';
export { createManualClock, createSystemClock, type Clock } from './shared/clock';
export { createSeededIds, createRandomIds, type IdGenerator } from './shared/ids';
export {
  verifyWebhookSignature,
  signWebhookBody,
  createWebhookListener,
  type WebhookListener,
  type ReceivedDelivery,
} from './webhooks';

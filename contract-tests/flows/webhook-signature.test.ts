/**
 * A signed delivery that needs no control API, so it runs against the real sandbox too: a webhook
 * for merchant.activated, then a new test merchant. The signature (HMAC-SHA256 of the body with the
 * webhook's secret) and the envelope are documented; that creating a test merchant fires the event
 * at all is the mock's reading of the docs (D13), so a target that sends nothing is reported.
 */
import { testWith } from '../support/capabilities';
import { createApi } from '../support/client';
import { InferredDifference } from '../support/provenance';
import { useTarget } from '../support/target';
import { expectVerifiedDelivery, startReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { createTestMerchant, createWebhook, expectOk } from '../operations/helpers';

const target = useTarget();
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe('a webhook delivery, without the control API', () => {
  testWith('webhooks')('signs merchant.activated for a new test merchant with the webhook secret', async () => {
    const api = createApi(target());
    const endpoint = receiver.endpoint();
    const webhook = await createWebhook(api, endpoint.url, ['merchant.activated']);
    endpoint.setSecret(webhook.secret);
    try {
      const merchant = await createTestMerchant(api);
      const delivery = await endpoint
        .waitFor((d) => (d.body as { data?: { clientId?: unknown } }).data?.clientId === merchant.clientId)
        .catch((error: unknown) => {
          throw new InferredDifference(
            'D13: creating a test merchant delivers merchant.activated',
            error instanceof Error ? error.message : String(error),
          );
        });
      expectVerifiedDelivery(delivery);
      expect(delivery.body).toMatchObject({
        event: 'merchant.activated',
        data: { merchantId: merchant.merchantId, clientId: merchant.clientId },
      });
    } finally {
      expectOk(await api.delete(`/v1/partner/webhooks/${webhook.id}`), 'deleteWebhook');
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWebhookCreateRequest, type WebhookEventType } from '../../../fixtures/src';
import type { components } from '../../../spec/generated/control-api';
import { testWith } from '../../support/capabilities';
import { createControl, type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import { expectVerifiedDelivery, startReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import * as kit from '../helpers';

type TestResult = ResponseBody<'testWebhook', 200>;
type DeliveryList = components['schemas']['DeliveryList'];

const target = useTarget();
const PATH = '/v1/partner/webhooks';

// A partner of its own, so no event of a parallel test reaches the receiver or uses up its canned answers.
let api: ApiClient;
let receiver: WebhookReceiver;
const created: number[] = [];
beforeAll(async () => {
  ({ api } = await kit.createIsolatedPartner(target()));
  receiver = await startReceiver();
});
afterEach(async () => {
  for (const id of created.splice(0)) await api.delete(`${PATH}/${id}`);
});
afterAll(() => receiver.close());

async function register(
  url: string,
  events: WebhookEventType[] = ['payment.completed'],
): Promise<kit.WebhookWithSecret> {
  const webhook = await kit.createWebhook(api, url, events);
  created.push(webhook.id);
  return webhook;
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
async function closedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hooks`;
}

describe('POST /v1/partner/webhooks/{webhookId}/test (testWebhook)', () => {
  testWith('webhooks')('delivers a signed sample event marked as a test', async () => {
    const endpoint = receiver.endpoint();
    const webhook = await register(endpoint.url);
    endpoint.setSecret(webhook.secret);
    const res = await api.post(`${PATH}/${webhook.id}/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 200);
    const delivery = await endpoint.waitFor();
    expectVerifiedDelivery(delivery);
    expect(delivery.event).toBe('payment.completed');
    expect((delivery.body as { data: { test?: unknown } }).data.test).toBe(true);
  });

  testWith('webhooks')('answers the result of the delivery', async () => {
    const endpoint = receiver.endpoint();
    const webhook = await register(endpoint.url);
    const res = await api.post(`${PATH}/${webhook.id}/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 200);
    const delivery = await endpoint.waitFor();
    await assertFact(target(), 'inferred', 'D26: the test answers the delivery result', () => {
      expect(res.body).toMatchObject({
        webhookId: webhook.id,
        event: 'payment.completed',
        success: true,
        statusCode: 200,
        error: null,
      });
      expect(delivery.headers['x-webhook-delivery']).toBe((res.body as TestResult).deliveryId);
    });
  });

  testWith('webhooks')('sends the first subscribed event type (D26)', async () => {
    const endpoint = receiver.endpoint();
    const webhook = await register(endpoint.url, ['merchant.deactivated', 'payment.failed']);
    endpoint.setSecret(webhook.secret);
    const res = await api.post(`${PATH}/${webhook.id}/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 200);
    const delivery = await endpoint.waitFor();
    expectVerifiedDelivery(delivery);
    await assertFact(target(), 'inferred', 'D26: the sample is of the first subscribed type', () => {
      expect(delivery.event).toBe('merchant.deactivated');
      expect((res.body as TestResult).event).toBe('merchant.deactivated');
    });
  });

  testWith('webhooks')('answers success false with the status of a receiver that answers 500', async () => {
    const endpoint = receiver.endpoint();
    endpoint.respondWith(500);
    const webhook = await register(endpoint.url);
    const res = await api.post(`${PATH}/${webhook.id}/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 200);
    await endpoint.waitFor();
    await assertFact(target(), 'inferred', 'D26: a failed test delivery is reported, not retried', () => {
      expect(res.body).toMatchObject({ success: false, statusCode: 500 });
    });
  });

  testWith('control', 'webhooks')('never retries a failed test delivery (D26)', async () => {
    const endpoint = receiver.endpoint();
    endpoint.respondWith(500);
    const webhook = await register(endpoint.url);
    const { deliveryId } = (await api.post(`${PATH}/${webhook.id}/test`)).body as TestResult;
    const res = await createControl(target()).get(`/__control/webhook-deliveries?webhookId=${webhook.id}`);
    expect(res).toMatchSpec();
    const delivery = (res.body as DeliveryList).deliveries.find((d) => d.id === deliveryId);
    expect(delivery).toMatchObject({ outcome: 'failed', nextAttemptAt: null });
  });

  // Needs a target on this machine: only it can try a loopback URL.
  testWith('mock')('answers success false without a status when nothing listens at the URL', async () => {
    const webhook = await register(await closedUrl());
    const res = await api.post(`${PATH}/${webhook.id}/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 200);
    await assertFact(target(), 'inferred', 'D26: an unanswered test delivery has no status and says why', () => {
      expect(res.body).toMatchObject({ success: false, statusCode: null });
      expect(typeof (res.body as TestResult).error).toBe('string');
    });
  });

  test('answers 404 for a webhook id that does not exist', async () => {
    const res = await api.post(`${PATH}/2000000000/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 404);
  });

  testWith('control')("answers 404 for another partner's webhook (D2)", async () => {
    const webhook = await register(buildWebhookCreateRequest().url);
    const res = await (await kit.createOtherPartner(target())).post(`${PATH}/${webhook.id}/test`);
    await expectSpecResponse(target(), res, 'testWebhook', 404);
  });
});

import { buildWebhookCreateRequest } from '../../../fixtures/src';
import type { ApiClient } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();
const PATH = '/v1/partner/webhooks';

// Webhooks live in a partner of their own, so events of parallel tests are never sent to their URLs.
let api: ApiClient;
const created: number[] = [];
beforeAll(async () => {
  ({ api } = await kit.createIsolatedPartner(target()));
});
afterEach(async () => {
  for (const id of created.splice(0)) await api.delete(`${PATH}/${id}`);
});

async function create(body: object): Promise<kit.WebhookWithSecret> {
  const res = await api.post(PATH, body);
  await expectSpecResponse(target(), res, 'createWebhook', 201);
  const webhook = res.body as kit.WebhookWithSecret;
  created.push(webhook.id);
  return webhook;
}

describe('POST /v1/partner/webhooks (createWebhook)', () => {
  test('registers the guide example and answers its signing secret', async () => {
    const body = { url: 'https://your-pos.com/webhooks/acountpay', events: ['payment.completed', 'payment.failed'] };
    const webhook = await create(body);
    expect(webhook).toMatchObject({ url: body.url, events: body.events, status: 'active' });
    expect(Number.isInteger(webhook.id)).toBe(true);
    await assertFact(target(), 'inferred', 'D3/D26: the secret is whsec_ and 48 hex characters', () => {
      expect(webhook.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
      expect(webhook.lastTriggeredAt).toBeNull();
    });
  });

  test('gives every webhook its own secret', async () => {
    const first = await create(buildWebhookCreateRequest());
    const second = await create(buildWebhookCreateRequest());
    expect(second.id).not.toBe(first.id);
    expect(second.secret).not.toBe(first.secret);
  });

  test('rejects an ftp URL with 400 naming url', async () => {
    const res = await kit
      .directApi(target())
      .post(PATH, buildWebhookCreateRequest({ url: 'ftp://your-pos.com/webhooks' }));
    await kit.expectErrorNaming(target(), res, 'createWebhook', 400, 'url');
  });

  test('rejects an empty event list with 400 naming events', async () => {
    const res = await kit.directApi(target()).post(PATH, buildWebhookCreateRequest({ events: [] }));
    await kit.expectErrorNaming(target(), res, 'createWebhook', 400, 'events');
  });

  test('rejects an unknown event with 400 naming events', async () => {
    const body = { ...buildWebhookCreateRequest(), events: ['payment.refunded'] };
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createWebhook', 400, 'events');
  });

  test('rejects a body without events with 400 naming events', async () => {
    const res = await kit.directApi(target()).post(PATH, buildWebhookCreateRequest({ events: undefined }));
    await kit.expectErrorNaming(target(), res, 'createWebhook', 400, 'events');
  });

  test('rejects an unknown field with 400 naming it', async () => {
    const res = await kit.directApi(target()).post(PATH, { ...buildWebhookCreateRequest(), secret: 'whsec_mine' });
    await kit.expectErrorNaming(target(), res, 'createWebhook', 400, 'secret');
  });
});

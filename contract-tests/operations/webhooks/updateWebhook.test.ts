import { buildWebhookCreateRequest, buildWebhookUpdateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Webhook = ResponseBody<'updateWebhook', 200>;

const target = useTarget();
const PATH = '/v1/partner/webhooks';

// Webhooks live in a partner of their own, so events of parallel tests are never sent to their URLs.
let api: ApiClient;
let direct: ApiClient;
const created: number[] = [];
beforeAll(async () => {
  ({ api, direct } = await kit.createIsolatedPartner(target()));
});
afterEach(async () => {
  for (const id of created.splice(0)) await api.delete(`${PATH}/${id}`);
});

async function create(): Promise<kit.WebhookWithSecret> {
  const { url } = buildWebhookCreateRequest();
  const webhook = await kit.createWebhook(api, url, ['payment.completed']);
  created.push(webhook.id);
  return webhook;
}

describe('PUT /v1/partner/webhooks/{webhookId} (updateWebhook)', () => {
  test('replaces the URL and the events', async () => {
    const webhook = await create();
    const body = buildWebhookUpdateRequest({
      url: 'https://your-pos.com/webhooks/acountpay',
      events: ['payment.completed', 'payment.failed', 'merchant.activated', 'merchant.deactivated'],
    });
    const res = await api.put(`${PATH}/${webhook.id}`, body);
    await expectSpecResponse(target(), res, 'updateWebhook', 200);
    expect(res.body).toMatchObject({ id: webhook.id, url: body.url, events: body.events, status: 'active' });
  });

  test('keeps the change: the list shows the new URL', async () => {
    const webhook = await create();
    const body = buildWebhookUpdateRequest();
    kit.expectOk(await api.put(`${PATH}/${webhook.id}`, body), 'updateWebhook');
    const listed = ((await api.get(PATH)).body as Webhook[]).find((w) => w.id === webhook.id);
    expect(listed).toMatchObject({ url: body.url, events: body.events });
  });

  test('pauses and resumes deliveries with status (D26)', async () => {
    const webhook = await create();
    const paused = await api.put(`${PATH}/${webhook.id}`, buildWebhookUpdateRequest({ status: 'inactive' }));
    await assertFact(target(), 'inferred', 'D26: status inactive pauses the webhook', async () => {
      await expectSpecResponse(target(), paused, 'updateWebhook', 200);
      expect((paused.body as Webhook).status).toBe('inactive');
    });
    const resumed = await api.put(`${PATH}/${webhook.id}`, buildWebhookUpdateRequest({ status: 'active' }));
    await assertFact(target(), 'inferred', 'D26: status active resumes the webhook', async () => {
      await expectSpecResponse(target(), resumed, 'updateWebhook', 200);
      expect((resumed.body as Webhook).status).toBe('active');
    });
  });

  test('never answers the secret', async () => {
    const webhook = await create();
    const res = await api.put(`${PATH}/${webhook.id}`, buildWebhookUpdateRequest());
    expect(res).toMatchSpec();
    await assertFact(target(), 'inferred', 'D26: the secret is shown only when the webhook is created', () =>
      expect(JSON.stringify(res.body)).not.toContain(webhook.secret),
    );
  });

  test('rejects an ftp URL with 400 naming url', async () => {
    const webhook = await create();
    const res = await direct.put(
      `${PATH}/${webhook.id}`,
      buildWebhookUpdateRequest({ url: 'ftp://your-pos.com/webhooks' }),
    );
    await kit.expectErrorNaming(target(), res, 'updateWebhook', 400, 'url');
  });

  test('rejects an empty event list with 400 naming events', async () => {
    const webhook = await create();
    const res = await direct.put(`${PATH}/${webhook.id}`, buildWebhookUpdateRequest({ events: [] }));
    await kit.expectErrorNaming(target(), res, 'updateWebhook', 400, 'events');
  });

  test('rejects an unknown event with 400 naming events', async () => {
    const webhook = await create();
    const res = await direct.put(`${PATH}/${webhook.id}`, {
      ...buildWebhookUpdateRequest(),
      events: ['payment.refunded'],
    });
    await kit.expectErrorNaming(target(), res, 'updateWebhook', 400, 'events');
  });

  test('rejects an unknown status with 400 naming status', async () => {
    const webhook = await create();
    const res = await direct.put(`${PATH}/${webhook.id}`, { ...buildWebhookUpdateRequest(), status: 'paused' });
    await kit.expectErrorNaming(target(), res, 'updateWebhook', 400, 'status');
  });

  test('answers 404 for a webhook id that does not exist', async () => {
    const res = await api.put(`${PATH}/2000000000`, buildWebhookUpdateRequest());
    await expectSpecResponse(target(), res, 'updateWebhook', 404);
  });

  test('answers 404 for a deleted webhook', async () => {
    const webhook = await create();
    kit.expectOk(await api.delete(`${PATH}/${webhook.id}`), 'deleteWebhook');
    const res = await api.put(`${PATH}/${webhook.id}`, buildWebhookUpdateRequest());
    await expectSpecResponse(target(), res, 'updateWebhook', 404);
  });

  testWith('control')("answers 404 for another partner's webhook (D2)", async () => {
    const webhook = await create();
    const res = await (
      await kit.createOtherPartner(target())
    ).put(`${PATH}/${webhook.id}`, buildWebhookUpdateRequest());
    await expectSpecResponse(target(), res, 'updateWebhook', 404);
  });
});

import { buildWebhookCreateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Webhook = ResponseBody<'deleteWebhook', 200>;

const target = useTarget();
const PATH = '/v1/partner/webhooks';

// Webhooks live in a partner of their own, so events of parallel tests are never sent to their URLs.
let api: ApiClient;
let direct: ApiClient;
beforeAll(async () => {
  ({ api, direct } = await kit.createIsolatedPartner(target()));
});

async function create(): Promise<kit.WebhookWithSecret> {
  const { url, events } = buildWebhookCreateRequest();
  return kit.createWebhook(api, url, events);
}

describe('DELETE /v1/partner/webhooks/{webhookId} (deleteWebhook)', () => {
  test('deletes a webhook and answers it without its secret', async () => {
    const webhook = await create();
    const res = await api.delete(`${PATH}/${webhook.id}`);
    await expectSpecResponse(target(), res, 'deleteWebhook', 200);
    const { secret, ...listed } = webhook;
    await assertFact(target(), 'inferred', 'D26: DELETE answers the deleted webhook', () =>
      expect(res.body).toMatchObject(listed),
    );
    expect(JSON.stringify(res.body)).not.toContain(secret);
  });

  test('makes the webhook unknown to later calls', async () => {
    const webhook = await create();
    kit.expectOk(await api.delete(`${PATH}/${webhook.id}`), 'deleteWebhook');
    expect(((await api.get(PATH)).body as Webhook[]).map((w) => w.id)).not.toContain(webhook.id);
    const again = await api.delete(`${PATH}/${webhook.id}`);
    await expectSpecResponse(target(), again, 'deleteWebhook', 404);
  });

  test('answers 404 for a webhook id that does not exist', async () => {
    const res = await api.delete(`${PATH}/2000000000`);
    await expectSpecResponse(target(), res, 'deleteWebhook', 404);
  });

  testWith('control')("answers 404 for another partner's webhook and keeps it (D2)", async () => {
    const webhook = await create();
    const res = await (await kit.createOtherPartner(target())).delete(`${PATH}/${webhook.id}`);
    await expectSpecResponse(target(), res, 'deleteWebhook', 404);
    kit.expectOk(await api.delete(`${PATH}/${webhook.id}`), 'deleteWebhook');
  });

  test('rejects a webhook id that is not a number with 400', async () => {
    const res = await direct.delete(`${PATH}/first`);
    await expectSpecResponse(target(), res, 'deleteWebhook', 400);
  });
});

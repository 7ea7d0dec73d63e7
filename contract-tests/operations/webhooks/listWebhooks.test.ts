import { buildWebhookCreateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type WebhookList = ResponseBody<'listWebhooks', 200>;

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

async function create(): Promise<kit.WebhookWithSecret> {
  const { url, events } = buildWebhookCreateRequest();
  const webhook = await kit.createWebhook(api, url, events);
  created.push(webhook.id);
  return webhook;
}

async function list(client: ApiClient = api): Promise<WebhookList> {
  const res = await client.get(PATH);
  await expectSpecResponse(target(), res, 'listWebhooks', 200);
  return res.body as WebhookList;
}

describe('GET /v1/partner/webhooks (listWebhooks)', () => {
  test('lists the webhooks as a bare array', async () => {
    const first = await create();
    const second = await create();
    const webhooks = await list();
    expect(Array.isArray(webhooks)).toBe(true);
    const { secret: _first, ...firstListed } = first;
    const { secret: _second, ...secondListed } = second;
    expect(webhooks).toEqual(
      expect.arrayContaining([expect.objectContaining(firstListed), expect.objectContaining(secondListed)]),
    );
  });

  test('never shows a secret (D26)', async () => {
    const webhook = await create();
    const listed = (await list()).find((w) => w.id === webhook.id);
    expect(listed).toBeDefined();
    await assertFact(target(), 'inferred', 'D26: the secret is shown only when the webhook is created', () => {
      expect(listed).not.toHaveProperty('secret');
      expect(JSON.stringify(listed)).not.toContain(webhook.secret);
    });
  });

  test('no longer lists a deleted webhook', async () => {
    const webhook = await create();
    kit.expectOk(await api.delete(`${PATH}/${webhook.id}`), 'deleteWebhook');
    expect((await list()).map((w) => w.id)).not.toContain(webhook.id);
  });

  testWith('control')("never lists another partner's webhooks (D2)", async () => {
    const webhook = await create();
    const other = await list(await kit.createOtherPartner(target()));
    expect(other.map((w) => w.id)).not.toContain(webhook.id);
  });
});

import { createNodeHttpClient } from './http-client';
import { createWebhookListener, type WebhookListener } from './listener';
import { signWebhookBody } from './signature';

const SECRET = 'whsec_listener_test';
const body = JSON.stringify({
  event: 'merchant.activated',
  timestamp: '2026-03-18T12:00:00.000Z',
  data: { merchantId: 12, clientId: 'c-12', companyName: 'Bistro Nord', status: 'active' },
});

let cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function listen(options: Parameters<typeof createWebhookListener>[0] = {}) {
  const lines: string[] = [];
  const listener = await createWebhookListener({
    output: (line) => lines.push(line),
    now: () => new Date('2026-03-18T12:00:01.000Z'),
    ...options,
  });
  cleanups.push(() => listener.close());
  return { listener, lines };
}

async function send(listener: WebhookListener, payload: string, signature: string, attempt = '1') {
  const client = createNodeHttpClient();
  cleanups.push(() => client.close());
  return client.post(
    listener.url,
    payload,
    {
      'Content-Type': 'application/json',
      'X-Webhook-Signature': signature,
      'X-Webhook-Event': 'merchant.activated',
      'X-Webhook-Delivery': 'dlv_1',
      'X-Webhook-Attempt': attempt,
    },
    2000,
  );
}

describe('webhook listener', () => {
  test('prints a verified block for a correctly signed, valid delivery', async () => {
    const { listener, lines } = await listen({ secret: SECRET });

    const answer = await send(listener, body, signWebhookBody(body, SECRET));

    expect(answer.statusCode).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('── merchant.activated ── 2026-03-18T12:00:01.000Z');
    expect(lines[0]).toContain('delivery:  dlv_1  attempt 1');
    expect(lines[0]).toContain('signature: verified ✓');
    expect(lines[0]).toContain('schema:    ok');
    expect(lines[0]).toContain('"companyName": "Bistro Nord"');
    expect(listener.received[0]).toMatchObject({
      signature: 'verified',
      schemaErrors: [],
      attempt: 1,
      deliveryId: 'dlv_1',
    });
  });

  test('prints INVALID for a signature made with another secret', async () => {
    const { listener, lines } = await listen({ secret: SECRET });
    await send(listener, body, signWebhookBody(body, 'whsec_wrong'));
    expect(lines[0]).toContain('signature: INVALID ✗');
  });

  test('says the signature was not checked when it has no secret', async () => {
    const { listener, lines } = await listen();
    await send(listener, body, 'whatever');
    expect(lines[0]).toContain('signature: not checked (no --secret)');
  });

  test('lists schema errors for a body that does not match the spec', async () => {
    const { listener, lines } = await listen({ secret: SECRET });
    const bad = JSON.stringify({ event: 'merchant.activated', timestamp: 'yesterday', data: { merchantId: 'x' } });

    await send(listener, bad, signWebhookBody(bad, SECRET));

    expect(listener.received[0]?.schemaErrors).toEqual(
      expect.arrayContaining(['/timestamp must match format "date-time"', '/data/merchantId must be integer']),
    );
    expect(lines[0]).toContain('schema:    errors');
  });

  test('waitFor resolves on a delivery that arrives later', async () => {
    const { listener } = await listen();
    const waiting = listener.waitFor((d) => d.attempt === 2);
    await send(listener, body, 'sig', '1');
    await send(listener, body, 'sig', '2');
    await expect(waiting).resolves.toMatchObject({ attempt: 2 });
  });

  test('waitFor rejects when nothing matches in time', async () => {
    const { listener } = await listen();
    await expect(listener.waitFor(() => true, 20)).rejects.toThrow('no matching delivery within 20 ms');
  });

  test('answers with the status QA sets', async () => {
    const { listener, lines } = await listen({ respondStatus: 503 });
    expect((await send(listener, body, 'sig')).statusCode).toBe(503);
    listener.setRespondStatus(204);
    expect((await send(listener, body, 'sig')).statusCode).toBe(204);
    expect(lines[0]).toContain('answered 503');
  });
});

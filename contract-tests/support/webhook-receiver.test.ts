import { expectVerifiedDelivery, sign, startReceiver, type WebhookReceiver } from './webhook-receiver';

const secret = `whsec_${'ab'.repeat(24)}`;

const completed = {
  event: 'payment.completed',
  timestamp: '2026-03-18T12:01:30.000Z',
  data: {
    paymentId: 456,
    referenceNumber: 'ORDER-123',
    status: 'paid',
    amount: 149.5,
    currency: 'DKK',
    merchantClientId: 'a1b2c3d4-e5f6-4890-abcd-1234567890ab',
    merchantName: 'Restaurant XYZ',
    bankPaymentStatus: 'AcceptedSettlementCompleted',
    storeId: null,
    registerId: null,
    paidAt: '2026-03-18T12:01:30.000Z',
  },
};

async function deliver(url: string, body: unknown, signingSecret = secret): Promise<number> {
  const raw = JSON.stringify(body);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-signature': sign(raw, signingSecret),
      'x-webhook-event': String((body as { event?: string }).event),
    },
    body: raw,
  });
  return res.status;
}

let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startReceiver(null);
});

afterAll(() => receiver.close());

describe('startReceiver', () => {
  test('listens on 127.0.0.1', () => {
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('accepts a delivery signed with the endpoint secret and valid against the spec', async () => {
    const hook = receiver.endpoint();
    hook.setSecret(secret);
    await expect(deliver(hook.url, completed)).resolves.toBe(200);
    const delivery = await hook.waitFor((d) => d.event === 'payment.completed');
    expect(delivery.signatureValid).toBe(true);
    expect(delivery.problems).toEqual([]);
    expect(() => expectVerifiedDelivery(delivery)).not.toThrow();
  });

  test('flags a delivery signed with another secret', async () => {
    const hook = receiver.endpoint();
    hook.setSecret(secret);
    await deliver(hook.url, completed, 'whsec_other');
    const delivery = await hook.waitFor();
    expect(delivery.signatureValid).toBe(false);
    expect(() => expectVerifiedDelivery(delivery)).toThrow('X-Webhook-Signature does not match the body');
  });

  test('names the JSON path of a body that breaks the webhook schema', async () => {
    const hook = receiver.endpoint();
    hook.setSecret(secret);
    const { merchantName: _dropped, ...data } = completed.data;
    await deliver(hook.url, { ...completed, data });
    const delivery = await hook.waitFor();
    expect(delivery.problems).toContain('/data/merchantName: is required but missing');
  });

  test('answers with the queued statuses, then 200', async () => {
    const hook = receiver.endpoint();
    hook.respondWith(500);
    await expect(deliver(hook.url, completed)).resolves.toBe(500);
    await expect(deliver(hook.url, completed)).resolves.toBe(200);
    expect(
      receiver
        .deliveries()
        .filter((d) => d.endpoint === hook.url)
        .map((d) => d.answeredStatus),
    ).toEqual([500, 200]);
  });

  test('keeps endpoints apart', async () => {
    const first = receiver.endpoint();
    const second = receiver.endpoint();
    await deliver(second.url, completed);
    await expect(first.waitFor(() => true, 50)).rejects.toThrow(/No webhook delivery matched within 50 ms/);
  });
});

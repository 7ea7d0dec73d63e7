import { createHmac } from 'node:crypto';
import { PAYMENT_COMPLETED_EXAMPLE } from '../../fixtures/src/webhook-example';
import { readJournal } from './report';
import { asNonMockTarget } from './self-test-env';
import {
  expectVerifiedDelivery,
  sign,
  signatureEncoding,
  startReceiver,
  type WebhookReceiver,
} from './webhook-receiver';

const secret = `whsec_${'ab'.repeat(24)}`;

const completed = PAYMENT_COMPLETED_EXAMPLE;

/** Posts a delivery as the mock signs it (lowercase hex, D28), or with other headers where given. */
async function deliver(
  url: string,
  body: unknown,
  signingSecret = secret,
  headers: Record<string, string | undefined> = {},
): Promise<number> {
  const raw = JSON.stringify(body);
  const all: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'x-webhook-signature': sign(raw, signingSecret),
    'x-webhook-event': String((body as { event?: string }).event),
    'x-webhook-delivery': 'dlv_1',
    'x-webhook-attempt': '1',
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(url, { method: 'POST', headers: sent, body: raw });
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
    expect(() => expectVerifiedDelivery(delivery)).toThrow(
      'X-Webhook-Signature is not the HMAC-SHA256 of the body with the webhook secret',
    );
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

  test('holds the mock to the inferred details: a base64 signature fails against it', async () => {
    const hook = receiver.endpoint();
    hook.setSecret(secret);
    const raw = JSON.stringify(completed);
    const base64 = createHmac('sha256', secret).update(raw).digest('base64');
    await deliver(hook.url, completed, secret, { 'x-webhook-signature': base64 });
    const delivery = await hook.waitFor();
    expect(delivery).toMatchObject({ signatureValid: true, signatureEncoding: 'base64' });
    expect(() => expectVerifiedDelivery(delivery)).toThrow(
      'header X-Webhook-Signature: expected lowercase hex, got base64',
    );
  });

  describe('from a target that is not the mock', () => {
    asNonMockTarget();

    test('reports another signature encoding, extra fields and missing informational headers', async () => {
      const hook = receiver.endpoint();
      hook.setSecret(secret);
      const body = { ...completed, id: 'evt_1' };
      const base64 = createHmac('sha256', secret).update(JSON.stringify(body)).digest('base64');
      await deliver(hook.url, body, secret, {
        'x-webhook-signature': base64,
        'x-webhook-delivery': undefined,
        'x-webhook-attempt': undefined,
      });
      const delivery = await hook.waitFor();
      expect(() => expectVerifiedDelivery(delivery)).not.toThrow();
      const wheres = readJournal().flatMap((e) => (e.type === 'inferred-differs' ? (e.differences ?? []) : []));
      expect(wheres.map((d) => d.where)).toEqual(
        expect.arrayContaining(['header x-webhook-delivery', 'header x-webhook-attempt', 'header X-Webhook-Signature']),
      );
      expect(readJournal()[0]).toMatchObject({ operationId: 'onPaymentCompleted' });
    });

    test('still fails a missing signature or a renamed documented field', async () => {
      const hook = receiver.endpoint();
      hook.setSecret(secret);
      await deliver(hook.url, completed, secret, { 'x-webhook-signature': undefined });
      const unsigned = await hook.waitFor();
      expect(() => expectVerifiedDelivery(unsigned)).toThrow('header X-Webhook-Signature: is required but missing');
      const renamed = receiver.endpoint();
      renamed.setSecret(secret);
      const { referenceNumber, ...data } = completed.data;
      await deliver(renamed.url, { ...completed, data: { ...data, reference: referenceNumber } });
      const renamedDelivery = await renamed.waitFor();
      expect(() => expectVerifiedDelivery(renamedDelivery)).toThrow('/data/referenceNumber: is required but missing');
    });
  });

  test('recognises the same HMAC written in other encodings, and nothing else', () => {
    const raw = Buffer.from(JSON.stringify(completed));
    const mac = createHmac('sha256', secret).update(raw).digest();
    expect(signatureEncoding(mac.toString('hex'), raw, secret)).toBe('hex');
    expect(signatureEncoding(mac.toString('hex').toUpperCase(), raw, secret)).toBe('HEX');
    expect(signatureEncoding(mac.toString('base64'), raw, secret)).toBe('base64');
    expect(signatureEncoding(`sha256=${mac.toString('base64')}`, raw, secret)).toBe('sha256=base64');
    expect(signatureEncoding(`t=1700000000,v1=${mac.toString('hex')}`, raw, secret)).toBe('v1=hex (one of several)');
    // This body's HMAC has a `_` in base64url, so only the base64url decoding can read it.
    expect(mac.toString('base64url')).toMatch(/[-_]/);
    expect(signatureEncoding(mac.toString('base64url'), raw, secret)).toBe('base64url');
    expect(signatureEncoding(sign(raw, 'whsec_other'), raw, secret)).toBeNull();
    expect(signatureEncoding(undefined, raw, secret)).toBeNull();
  });

  test('keeps endpoints apart', async () => {
    const first = receiver.endpoint();
    const second = receiver.endpoint();
    await deliver(second.url, completed);
    await expect(first.waitFor(() => true, 50)).rejects.toThrow(/No webhook delivery matched within 50 ms/);
  });
});

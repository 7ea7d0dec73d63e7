/**
 * E102: rules are part of the world in the state file. A mock with rules, a payment a rule will
 * settle later and a delivery a rule holds back is closed and started again on the same file,
 * with a manual clock standing where the last one stood: the rules, the id sequence, the pending
 * outcome and the held delivery are all there, and go on at the same clock times.
 */
import Database from 'better-sqlite3';
import { buildPaymentCreateRequest, buildTestMerchantCreateRequest } from '../../fixtures/src';
import { createManualClock } from '../src/shared/clock';
import { createMockServer, type MockServer } from '../src/server';
import { createWebhookListener, type WebhookListener } from '../src/webhooks';
import { clientOf, tempDir, type TempDir } from './state-file-helpers';

let tmp: TempDir;
let mock: MockServer | undefined;
let listener: WebhookListener | undefined;
const START = Date.parse('2026-03-18T12:00:00.000Z');

/** A manual clock at START each time: the stored clock offset moves it to where the last one stood (E52). */
async function start(config: Record<string, unknown> = {}): Promise<MockServer> {
  mock = await createMockServer({
    clock: createManualClock(START),
    config: { stateFile: tmp.file(), webhookRetrySchedule: [1000], ...config },
  });
  return mock;
}
const stop = async () => {
  await mock?.close();
  mock = undefined;
};
const client = clientOf(() => mock!.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ok = (answer: { status: number; body: any }, status = 200): any => {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const advance = async (seconds: number) => {
  ok(await client.call('POST', '/__control/clock/advance', { seconds }));
  ok(await client.call('POST', '/__control/webhook-deliveries/flush'));
};

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await stop();
  await listener?.close();
  listener = undefined;
  tmp.remove();
});

test('rules, a pending rule outcome and a held delivery survive a restart and go on at their clock times', async () => {
  listener = await createWebhookListener();
  await start();
  ok(
    await client.partner('POST', '/v1/partner/webhooks', {
      url: listener.url,
      events: ['payment.completed', 'payment.failed'],
    }),
    201,
  );
  const merchant = ok(
    await client.partner('POST', '/v1/partner/merchants/test', buildTestMerchantCreateRequest()),
    201,
  );
  ok(
    await client.call('POST', '/__control/rules', {
      when: { amount: '*.13' },
      outcome: { status: 'failed', after: '10s' },
    }),
    201,
  );
  ok(
    await client.call('POST', '/__control/rules?position=last', {
      id: 'hold',
      when: { amount: '*.25', events: ['payment.completed'] },
      outcome: { status: 'paid' },
      webhook: { outOfOrder: true, delay: '1h' },
    }),
    201,
  );
  const pay = async (amount: number) =>
    ok(
      await client.partner(
        'POST',
        '/v1/partner/payments',
        buildPaymentCreateRequest({ merchantClientId: merchant.clientId, amount }),
      ),
      201,
    );
  const failing = await pay(20.13);
  const held = await pay(20.25);
  await advance(2);
  const rulesBefore = ok(await client.call('GET', '/__control/rules'));
  await stop();

  await start();
  expect(ok(await client.call('GET', '/__control/rules'))).toEqual(rulesBefore);
  // The id sequence goes on.
  expect(
    ok(
      await client.call('POST', '/__control/rules?position=last', { webhook: { dropFirst: 1 }, when: { amount: 1 } }),
      201,
    ).id,
  ).toBe('rule-2');
  const received = () =>
    listener!.received.map((d) => [d.event, (d.body as { data: { paymentId: number } }).data.paymentId]);
  expect(received()).toEqual([]); // the held payment.completed still waits
  await advance(7);
  expect(ok(await client.partner('GET', `/v1/partner/payments/${failing.paymentId}/status`)).status).toBe('pending');
  await advance(1);
  expect(ok(await client.partner('GET', `/v1/partner/payments/${failing.paymentId}/status`)).status).toBe('failed');
  // The failed payment's webhook is a later event of the same merchant: it releases the held one.
  expect(received()).toEqual([
    ['payment.failed', failing.paymentId],
    ['payment.completed', held.paymentId],
  ]);
  const explained = ok(await client.call('GET', `/__control/payments/${failing.paymentId}`));
  expect(explained.outcomeRule).toMatchObject({ ruleId: 'rule-1', appliedAt: '2026-03-18T12:00:10.000Z' });
  const [completed] = ok(await client.call('GET', `/__control/payments/${held.paymentId}`)).deliveries;
  expect(completed.rule).toMatchObject({ ruleId: 'hold', releasedBy: expect.any(String) });
});

test('a new --auto-pay replaces the stored one; without the flag the stored rules stay', async () => {
  await start({ autoPay: '3s' });
  ok(
    await client.call('POST', '/__control/rules', {
      id: 'mine',
      when: { amount: '*.13' },
      outcome: { status: 'failed' },
    }),
    201,
  );
  await stop();
  await start({ autoPay: '5s' });
  const rules = ok(await client.call('GET', '/__control/rules')).rules;
  expect(rules.map((r: { id: string; outcome: { after?: string } }) => [r.id, r.outcome.after ?? null])).toEqual([
    ['mine', null],
    ['auto-pay', '5s'],
  ]);
  await stop();
  await start();
  expect(ok(await client.call('GET', '/__control/rules')).rules).toHaveLength(2);
});

test('a file whose rules are unsound does not start, and names them', async () => {
  await start();
  ok(await client.call('POST', '/__control/rules', { when: {}, outcome: { status: 'paid' } }), 201);
  await stop();
  const db = new Database(tmp.file());
  const { value } = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'meta'").get()!;
  const meta = JSON.parse(value) as { rules: { rules: { outcome: object }[] } };
  meta.rules.rules[0]!.outcome = { status: 'paid', reason: 'rejected' };
  db.prepare("UPDATE meta SET value = ? WHERE key = 'meta'").run(JSON.stringify(meta));
  db.close();
  await expect(start()).rejects.toThrow(
    /meta\.rules is unsound: rules\[0\]\.outcome\.reason goes with status failed only/,
  );
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildProgram } from '../src/main';
import { createMockServer, type MockServer } from '../src/server';
import { createManualClock } from '../src/shared/clock';
import { createSeededIds } from '../src/shared/ids';
import { createWebhookListener, type WebhookListener } from '../src/webhooks';
import './helpers'; // builds deps before the first test

let mock: MockServer;
let receiver: WebhookListener | undefined;

beforeEach(async () => {
  mock = await createMockServer({
    clock: createManualClock(),
    ids: createSeededIds(1),
    config: { webhookRetrySchedule: [1000, 2000] },
  });
});

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await mock.close();
});

interface Run {
  /** Resolves with everything the verb printed, once it finishes. */
  done: Promise<string>;
  /** Resolves once the output contains `text`. */
  printed(text: string | RegExp): Promise<string>;
}

/** Runs one CLI invocation in-process, capturing its output; `printed` also watches stderr. */
function start(args: string[]): Run {
  const program = buildProgram().exitOverride();
  let out = '';
  let all = '';
  const waiting: { test: string | RegExp; resolve: (all: string) => void }[] = [];
  const matches = (test: string | RegExp) => (typeof test === 'string' ? all.includes(test) : test.test(all));
  const capture = (text: string, toOut: boolean) => {
    if (toOut) out += text;
    all += text;
    for (const w of waiting.filter((w) => matches(w.test))) w.resolve(all);
  };
  program.configureOutput({ writeOut: (text) => capture(text, true), writeErr: (text) => capture(text, false) });
  return {
    done: program.parseAsync(args, { from: 'user' }).then(() => out),
    printed: (test) =>
      matches(test) ? Promise.resolve(all) : new Promise((resolve) => waiting.push({ test, resolve })),
  };
}

/** The URL a running `listen` printed in its banner. */
async function listenerUrl(listen: Run): Promise<string> {
  const banner = await listen.printed(/Listening on (\S+)/);
  return /Listening on (\S+)/.exec(banner)![1]!;
}

const run = (...args: string[]) => start([...args, '--url', mock.url]).done;

async function partnerApi(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'X-Partner-Client-Id': mock.clientId,
      'X-Partner-Client-Secret': mock.clientSecret,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function merchantAndPayment(): Promise<{ merchantId: number; paymentId: number }> {
  const merchant = await partnerApi('POST', '/v1/partner/merchants/test', { companyName: 'CLI Merchant' });
  const payment = await partnerApi('POST', '/v1/partner/payments', {
    merchantClientId: merchant.body.clientId,
    amount: 25,
    referenceNumber: 'CLI-1',
  });
  return { merchantId: merchant.body.merchantId as number, paymentId: payment.body.paymentId as number };
}

const flush = () => fetch(`${mock.url}/__control/webhook-deliveries/flush`, { method: 'POST' });

describe('acountpay-mock pay', () => {
  test('completes a payment, which then reads paid', async () => {
    const { paymentId } = await merchantAndPayment();
    const out = await run('pay', String(paymentId), '--bank', 'Danske Bank');
    expect(out).toContain(`Payment ${paymentId} is paid (AcceptedSettlementCompleted)`);
    expect((await partnerApi('GET', `/v1/partner/payments/${paymentId}/status`)).body.status).toBe('paid');
  });

  test('fails or expires a payment on request', async () => {
    const first = await merchantAndPayment();
    const second = await merchantAndPayment();
    expect(await run('pay', String(first.paymentId), '--fail', '--reason', 'abandoned')).toContain(
      'is failed (Rejected)',
    );
    expect(await run('pay', String(second.paymentId), '--expire')).toContain('is expired (Expired)');
  });

  test('prints the JSON answer with --json', async () => {
    const { paymentId } = await merchantAndPayment();
    const out = await run('pay', String(paymentId), '--json');
    expect(JSON.parse(out)).toMatchObject({ paymentId, status: 'paid' });
  });

  test("fails with the server's message for a payment that is already final", async () => {
    const { paymentId } = await merchantAndPayment();
    await run('pay', String(paymentId));
    await expect(run('pay', String(paymentId))).rejects.toThrow(
      `Payment ${paymentId} is already paid; its status cannot change [HTTP 409]`,
    );
  });

  test("fails with the server's message for an unknown payment", async () => {
    await expect(run('pay', '999')).rejects.toThrow('Payment 999 not found [HTTP 404]');
  });
});

describe('acountpay-mock activate / deactivate', () => {
  test('deactivates and activates a merchant', async () => {
    const { merchantId } = await merchantAndPayment();
    expect(await run('deactivate', String(merchantId))).toMatch(
      new RegExp(`Merchant ${merchantId} \\(.+\\) is inactive`),
    );
    expect(await run('activate', String(merchantId))).toContain('is active');
  });
});

describe('acountpay-mock deliveries / redeliver', () => {
  test('shows each attempt with its status code after retries driven by the clock', async () => {
    receiver = await createWebhookListener({ respondStatus: 500 });
    await partnerApi('POST', '/v1/partner/webhooks', { url: receiver.url, events: ['payment.completed'] });
    const { paymentId } = await merchantAndPayment();
    await run('pay', String(paymentId));
    await flush();
    await run('clock', 'advance', '1');
    await flush();
    receiver.setRespondStatus(200);
    await run('clock', 'advance', '2s');
    await flush();

    const out = await run('deliveries', '--payment', String(paymentId));
    expect(out).toMatch(/ID\s+EVENT\s+ABOUT\s+OUTCOME\s+ATTEMPTS\s+NEXT ATTEMPT/);
    expect(out).toMatch(
      new RegExp(`dlv_\\w+\\s+payment\\.completed\\s+payment ${paymentId}\\s+delivered\\s+3: 500 500 200\\s+-`),
    );
    expect(out).toContain('1-1 of 1 deliveries');
  });

  test('redelivers a delivery', async () => {
    receiver = await createWebhookListener();
    await partnerApi('POST', '/v1/partner/webhooks', { url: receiver.url, events: ['merchant.activated'] });
    await merchantAndPayment();
    await flush();
    const original = receiver.received[0]!.deliveryId!;
    const out = await run('redeliver', original);
    expect(out).toMatch(/^Queued dlv_\w+: merchant\.activated \(merchant \d+\) again to http:\/\/127\.0\.0\.1/);
    await flush();
    expect(receiver.received).toHaveLength(2);
  });

  test('says so when there are no deliveries', async () => {
    expect(await run('deliveries')).toBe('No deliveries.\n');
  });
});

describe('acountpay-mock clock / reset', () => {
  test('shows the clock and moves it forward', async () => {
    expect(await run('clock')).toBe('Mock clock: 2026-03-18T12:00:00.000Z (not moved)\n');
    expect(await run('clock', 'advance', '30m')).toBe(
      'Moved the clock forward 30m: now 2026-03-18T12:30:00.000Z (moved forward 30m in total)\n',
    );
    expect(mock.deps.clock.offsetMs()).toBe(1_800_000);
  });

  test('expires a pending payment when the clock passes its expiry', async () => {
    const { paymentId } = await merchantAndPayment();
    await run('clock', 'advance', '31m');
    expect((await partnerApi('GET', `/v1/partner/payments/${paymentId}/status`)).body.status).toBe('expired');
  });

  test('rejects a malformed duration with the server message', async () => {
    await expect(run('clock', 'advance', '5x')).rejects.toThrow('[HTTP 400]');
  });

  test('resets the mock', async () => {
    await merchantAndPayment();
    expect(await run('reset')).toContain('Mock reset to its default partner');
    expect((await partnerApi('GET', '/v1/partner/merchants')).body.total).toBe(0);
  });
});

describe('connection and token errors', () => {
  test('says how to start the mock when nothing listens at --url', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = `http://127.0.0.1:${port}`;
    await expect(start(['clock', '--url', url]).done).rejects.toThrow(
      `No mock at ${url} — start it with \`npm start\`, or point at yours with --url`,
    );
  });

  test('sends --token to a mock that needs one', async () => {
    await mock.close();
    mock = await createMockServer({ clock: createManualClock(), config: { controlToken: 'qa-secret-token' } });
    await expect(run('clock')).rejects.toThrow(/Missing or wrong control token.*--token.*\[HTTP 401\]/);
    expect(await start(['clock', '--url', mock.url, '--token', 'qa-secret-token']).done).toContain('Mock clock:');
  });
});

describe('acountpay-mock listen', () => {
  test('names the way out when its port is taken', async () => {
    const holder = http.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      await expect(start(['listen', '--port', String(port)]).done).rejects.toThrow(
        `listen EADDRINUSE: address already in use 127.0.0.1:${port}\n  Another process holds port ${port}: start with --port <n>, and register http://127.0.0.1:<n>/webhooks as the webhook's URL.`,
      );
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  test('prints a delivery whose signature verifies, then stops after --count', async () => {
    // The secret comes with the webhook, so register it first and point it at the listener after.
    const webhook = await partnerApi('POST', '/v1/partner/webhooks', {
      url: 'http://127.0.0.1:9/later',
      events: ['payment.completed'],
    });
    const listen = start(['listen', '--port', '0', '--secret', webhook.body.secret as string, '--count', '1']);
    const url = await listenerUrl(listen);
    await partnerApi('PUT', `/v1/partner/webhooks/${String(webhook.body.id)}`, { url, events: ['payment.completed'] });

    const { paymentId } = await merchantAndPayment();
    await run('pay', String(paymentId));
    await flush();
    const out = await listen.done;
    expect(out).toContain('── payment.completed ──');
    expect(out).toContain('signature: verified ✓');
    expect(out).toContain('Stopped after 1 delivery.');
  });

  test('prints one JSON line per delivery with --json', async () => {
    const listen = start(['listen', '--port', '0', '--json', '--count', '1']);
    const webhook = await partnerApi('POST', '/v1/partner/webhooks', {
      url: 'http://127.0.0.1:9/later',
      events: ['merchant.activated'],
    });
    // With --json the banner goes to stderr and stdout carries only deliveries.
    const url = await listenerUrl(listen);
    await partnerApi('PUT', `/v1/partner/webhooks/${String(webhook.body.id)}`, { url, events: ['merchant.activated'] });
    await merchantAndPayment();
    await flush();
    const line = JSON.parse((await listen.done).trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      event: 'merchant.activated',
      signature: 'unchecked',
      respondedWith: 200,
      schemaErrors: [],
    });
  });

  test('shows INVALID for a wrong secret and answers the chosen status', async () => {
    const listen = start(['listen', '--port', '0', '--secret', 'whsec_wrong', '--status', '500', '--count', '1']);
    const url = await listenerUrl(listen);
    await partnerApi('POST', '/v1/partner/webhooks', { url, events: ['merchant.activated'] });
    await merchantAndPayment();
    await flush();
    const out = await listen.done;
    expect(out).toContain('signature: INVALID ✗');
    expect(out).toContain('answered 500');
  });
});

import { createTestApp } from './helpers';
import { createTestMerchant } from './control-helpers';

const paymentBody = (merchantClientId: string) => ({ merchantClientId, amount: 10, referenceNumber: 'R-1' });

describe('POST /__control/faults (createFault)', () => {
  test('answers 503 for the next createPayment call only, then normally', async () => {
    const t = createTestApp();
    const { clientId } = await createTestMerchant(t);
    const fault = await t.api.post('/__control/faults').send({ operationId: 'createPayment', status: 503, times: 1 });
    expect(fault.status).toBe(201);
    expect(fault.body).toEqual({
      id: 1,
      operationId: 'createPayment',
      status: 503,
      times: 1,
      hits: 0,
      createdAt: '2026-03-18T12:00:00.000Z',
    });

    const first = await t.api.post('/v1/partner/payments').set(t.auth).send(paymentBody(clientId));
    const second = await t.api.post('/v1/partner/payments').set(t.auth).send(paymentBody(clientId));
    expect(first.status).toBe(503);
    // E151: the catalogue's injected_fault, written by the error handler like any other error.
    expect(first.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Injected fault: Service Unavailable',
      code: 'injected_fault',
    });
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.status).toBe(201);
  });

  test('answers with the chosen message and code', async () => {
    const t = createTestApp();
    await t.api
      .post('/__control/faults')
      .send({ operationId: 'getProfile', status: 409, body: { message: 'Chosen', code: 'chosen_code' } });
    const res = await t.api.get('/v1/partner/profile').set(t.auth);
    expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Chosen', code: 'chosen_code' });
  });

  test('answers 429 with Retry-After for a retryAfter fault', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ operationId: 'listPayments', retryAfter: 30, times: 1 });
    const res = await t.api.get('/v1/partner/payments').set(t.auth);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
  });

  test('still answers normally behind a latency fault', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ operationId: 'getProfile', latencyMs: 20 });
    const res = await t.api.get('/v1/partner/profile').set(t.auth);
    expect(res.status).toBe(200);
  });

  test('drops the connection without an answer', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ operationId: 'getProfile', drop: true, times: 1 });
    await expect(t.api.get('/v1/partner/profile').set(t.auth)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await t.api.get('/v1/partner/profile').set(t.auth)).status).toBe(200);
  });

  test('applies a fault without operationId to every Partner API operation, before authentication', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ status: 500, times: 2 });
    expect((await t.api.get('/v1/partner/profile')).status).toBe(500);
    expect((await t.api.get('/v1/partner/merchants').set(t.auth)).status).toBe(500);
    expect((await t.api.get('/v1/partner/merchants').set(t.auth)).status).toBe(200);
  });

  test('leaves the control API alone', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ status: 500 });
    expect((await t.api.get('/__control/clock')).status).toBe(200);
  });

  test('answers 400 for a fault without an effect, and for retryAfter with a status other than 429', async () => {
    const { api } = createTestApp();
    expect((await api.post('/__control/faults').send({ operationId: 'createPayment', times: 1 })).status).toBe(400);
    expect((await api.post('/__control/faults').send({ retryAfter: 5, status: 500 })).status).toBe(400);
    expect((await api.post('/__control/faults').send({ operationId: 'noSuchOperation', status: 500 })).status).toBe(
      400,
    );
  });
});

describe('how many faults the mock keeps, and how large (E227)', () => {
  test('the 101st fault is refused with 409 and the 100 stay as they were', async () => {
    const t = createTestApp();
    for (let i = 0; i < 100; i += 1)
      await t.api
        .post('/__control/faults')
        .send({ operationId: 'getStats', status: 500 + (i % 4) })
        .expect(201);
    const before = (await t.api.get('/__control/faults')).body;
    const res = await t.api.post('/__control/faults').send({ operationId: 'getStats', status: 503 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('too_many_faults');
    expect(res.body.message).toBe('The mock holds 100 faults, the most it keeps; delete one first');
    expect((await t.api.get('/__control/faults')).body).toEqual(before);
    // One removed, one more fits.
    await t.api.delete(`/__control/faults/${before.faults[0].id}`).expect(200);
    await t.api.post('/__control/faults').send({ operationId: 'getStats', status: 503 }).expect(201);
  });

  test('a fault body of more than 1,000 characters a message is refused', async () => {
    const t = createTestApp();
    const long = 'x'.repeat(1001);
    for (const body of [{ message: long }, { message: ['ok', long] }, { message: Array(21).fill('m') }]) {
      const res = await t.api.post('/__control/faults').send({ operationId: 'getStats', status: 500, body });
      expect(res.status).toBe(400);
    }
    expect((await t.api.get('/__control/faults')).body).toEqual({ faults: [] });
  });
});

describe('GET /__control/faults (listFaults)', () => {
  test('lists active faults with their hits, and forgets one that used up its times', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ operationId: 'getProfile', latencyMs: 1 });
    await t.api.post('/__control/faults').send({ operationId: 'getStats', status: 500, times: 1 });
    await t.api.get('/v1/partner/profile').set(t.auth);
    await t.api.get('/v1/partner/stats').set(t.auth);
    const res = await t.api.get('/__control/faults');
    expect(res.status).toBe(200);
    expect(res.body.faults).toEqual([expect.objectContaining({ id: 1, operationId: 'getProfile', hits: 1 })]);
  });
});

describe('DELETE /__control/faults/{faultId} (deleteFault)', () => {
  test('removes one fault and answers with it', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ operationId: 'getProfile', status: 500 });
    const res = await t.api.delete('/__control/faults/1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 1, status: 500 });
    expect((await t.api.get('/v1/partner/profile').set(t.auth)).status).toBe(200);
  });

  test('answers 404 for an unknown fault', async () => {
    const res = await createTestApp().api.delete('/__control/faults/42');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('fault_not_found');
  });
});

describe('DELETE /__control/faults (clearFaults)', () => {
  test('removes every fault and says how many', async () => {
    const t = createTestApp();
    await t.api.post('/__control/faults').send({ status: 500 });
    await t.api.post('/__control/faults').send({ latencyMs: 5 });
    const res = await t.api.delete('/__control/faults');
    expect(res.body).toEqual({ ok: true, removed: 2 });
    expect((await t.api.get('/v1/partner/profile').set(t.auth)).status).toBe(200);
  });
});

describe('GET /__control/requests (listRequests)', () => {
  test('records Partner API requests newest first with operationId, status and partner, but no control calls', async () => {
    const t = createTestApp();
    await t.api.get('/v1/partner/profile').set(t.auth);
    await t.api.get('/v1/partner/profile');
    await t.api.get('/v1/partner/nothing-here').set(t.auth);
    const res = await t.api.get('/__control/requests');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v1/partner/nothing-here', operationId: null, status: 404 }),
      expect.objectContaining({ path: '/v1/partner/profile', operationId: 'getProfile', status: 401, partnerId: null }),
      expect.objectContaining({
        id: 1,
        operationId: 'getProfile',
        status: 200,
        partnerId: 1,
        at: '2026-03-18T12:00:00.000Z',
      }),
    ]);
  });

  test('filters by operationId and limits the count', async () => {
    const t = createTestApp();
    for (let i = 0; i < 3; i += 1) await t.api.get('/v1/partner/profile').set(t.auth);
    await t.api.get('/v1/partner/stats').set(t.auth);
    const res = await t.api.get('/__control/requests').query({ operationId: 'getProfile', limit: 2 });
    expect(res.body.total).toBe(3);
    expect(res.body.requests).toHaveLength(2);
  });

  test('answers 400 for a limit over 1000', async () => {
    expect((await createTestApp().api.get('/__control/requests').query({ limit: 1001 })).status).toBe(400);
  });
});

describe('DELETE /__control/requests (clearRequests)', () => {
  test('forgets every recorded request', async () => {
    const t = createTestApp();
    await t.api.get('/v1/partner/profile').set(t.auth);
    expect((await t.api.delete('/__control/requests')).body).toEqual({ ok: true });
    expect((await t.api.get('/__control/requests')).body).toEqual({ requests: [], total: 0 });
  });
});

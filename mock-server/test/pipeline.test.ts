import { createTestApp } from './helpers';

describe('request pipeline', () => {
  test('answers 401 in the D5 shape when the partner headers are missing', async () => {
    const { api } = createTestApp();
    const res = await api.get('/v1/partner/profile');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
      code: 'unauthorized',
    });
  });

  test('answers 401 for a wrong secret and for an unknown client id alike', async () => {
    const { api, auth } = createTestApp();
    const wrong = await api.get('/v1/partner/profile').set({ ...auth, 'X-Partner-Client-Secret': 'nope' });
    const unknown = await api.get('/v1/partner/profile').set({ ...auth, 'X-Partner-Client-Id': 'nobody' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  test('accepts the partner headers in any letter case', async () => {
    const { api, deps } = createTestApp();
    const res = await api
      .get('/v1/partner/profile')
      .set('x-partner-client-id', deps.config.clientId)
      .set('X-PARTNER-CLIENT-SECRET', deps.config.clientSecret);
    expect(res.status).toBe(200);
  });

  test('answers an unknown route with 404 in the same error shape', async () => {
    const { api, auth } = createTestApp();
    const res = await api.get('/v1/partner/nothing-here').set(auth);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'route_not_found' });
  });

  test('names every invalid body field in one 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/merchants')
      .set(auth)
      .send({ companyName: '', contactEmail: 'not-an-email', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'companyName must NOT have fewer than 1 characters',
        'contactEmail must be a valid email',
        'extra is not allowed',
      ]),
    );
  });

  test('names a missing required field', async () => {
    const { api, auth } = createTestApp();
    const res = await api.post('/v1/partner/merchants').set(auth).send({ companyName: 'Restaurant XYZ' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['contactEmail is required']);
  });

  test('rejects a path parameter of the wrong type with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api.get('/v1/partner/merchants/abc').set(auth);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['path parameter merchantId must be an integer from 1 to 9007199254740991']);
  });

  test('rejects a query parameter out of range with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api.get('/v1/partner/payments?limit=1000').set(auth);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['query parameter limit must be <= 100']);
  });

  test('drops unknown body fields in lenient mode (D7)', async () => {
    const { api, auth } = createTestApp({ lenient: true });
    const res = await api.post('/v1/partner/credentials').set(auth).send({ name: 'POS', colour: 'blue' });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('colour');
  });

  test('in lenient mode, an update of unknown fields only is as empty as `{}` (D7, E231)', async () => {
    const { api, auth } = createTestApp({ lenient: true });
    const merchant = await api.post('/v1/partner/merchants/test').set(auth).send({ companyName: 'Tom ApS' });
    const stores = await api.get(`/v1/partner/merchants/${merchant.body.merchantId}/stores`).set(auth);
    const store = stores.body.stores[0];
    for (const body of ['{"__proto__": {"name": "x"}}', '{"colour": "blue"}', '{}']) {
      const res = await api
        .put(`/v1/partner/merchants/${merchant.body.merchantId}/stores/${store.storeId}`)
        .set(auth)
        .set('content-type', 'application/json')
        .send(body);
      expect([body, res.status]).toEqual([body, 400]);
    }
    const after = await api.get(`/v1/partner/merchants/${merchant.body.merchantId}/stores`).set(auth);
    expect(after.body.stores[0]).toEqual(store);
  });

  test('gives every response a request id and keeps one the client sent', async () => {
    const { api, auth } = createTestApp();
    const fresh = await api.get('/v1/partner/profile').set(auth);
    const kept = await api.get('/v1/partner/profile').set(auth).set('X-Request-Id', 'pos-req-1');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(kept.headers['x-request-id']).toBe('pos-req-1');
  });
});

describe('bad bodies and URLs', () => {
  /** What is sent to POST /v1/partner/credentials, and the answer expected. */
  interface BadBody {
    type?: string;
    encoding?: string;
    body?: string;
  }
  test.each<[string, number, BadBody, object]>([
    ['malformed JSON', 400, { type: 'application/json', body: '{"name": ' }, { code: 'malformed_json' }],
    ['a non-JSON body', 415, { type: 'text/plain', body: 'name=x' }, { code: 'unsupported_media_type' }],
    ['a missing body, naming it', 400, {}, { message: ['body is required'] }],
    [
      'a body over 1 MB',
      413,
      { type: 'application/json', body: JSON.stringify({ name: 'x'.repeat(1_100_000) }) },
      { code: 'payload_too_large' },
    ],
    [
      'a body that does not inflate with its Content-Encoding',
      400,
      { type: 'application/json', encoding: 'gzip', body: '{"name":"x"}' },
      { statusCode: 400, error: 'Bad Request' },
    ],
    [
      'an unknown Content-Encoding, naming it',
      415,
      { type: 'application/json', encoding: 'compress', body: '{"name":"x"}' },
      { message: expect.stringMatching(/compress/) as unknown },
    ],
    [
      'a JSON body that is not an object',
      400,
      { type: 'application/json', body: 'null' },
      { message: 'body must be a JSON object' },
    ],
  ])('answers %s with %i', async (_what, status, sent, expected) => {
    const { api, auth } = createTestApp();
    let req = api.post('/v1/partner/credentials').set(auth);
    if (sent.type) req = req.set('Content-Type', sent.type);
    if (sent.encoding) req = req.set('Content-Encoding', sent.encoding);
    const res = await (sent.body === undefined ? req : req.send(sent.body));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject(expected);
  });

  test('answers a malformed %-escape in a page URL with 4xx, never 500', async () => {
    const { api } = createTestApp();
    const res = await api.get('/onboarding/%E0%A4%A');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

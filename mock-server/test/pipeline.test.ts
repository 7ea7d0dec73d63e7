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
    expect(res.body.message).toEqual(['path parameter merchantId must be integer']);
  });

  test('rejects a query parameter out of range with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api.get('/v1/partner/payments?limit=1000').set(auth);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['query parameter limit must be <= 100']);
  });

  test('answers malformed JSON with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/credentials')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });

  test('answers a non-JSON body with 415', async () => {
    const { api, auth } = createTestApp();
    const res = await api.post('/v1/partner/credentials').set(auth).set('Content-Type', 'text/plain').send('name=x');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  test('answers a missing body with 400 naming it', async () => {
    const { api, auth } = createTestApp();
    const res = await api.post('/v1/partner/credentials').set(auth);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['body is required']);
  });

  test('answers a body over 1 MB with 413', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/credentials')
      .set(auth)
      .send({ name: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  test('drops unknown body fields in lenient mode (D7)', async () => {
    const { api, auth } = createTestApp({ lenient: true });
    const res = await api.post('/v1/partner/credentials').set(auth).send({ name: 'POS', colour: 'blue' });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('colour');
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
  test('answers a body that does not inflate with its Content-Encoding with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/credentials')
      .set(auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"name":"x"}');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  test('answers an unknown Content-Encoding with 415 naming it', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/credentials')
      .set(auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{"name":"x"}');
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/compress/);
  });

  test('answers a JSON body that is not an object with 400', async () => {
    const { api, auth } = createTestApp();
    const res = await api
      .post('/v1/partner/credentials')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('null');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('body must be a JSON object');
  });

  test('answers a malformed %-escape in a page URL with 4xx, never 500', async () => {
    const { api } = createTestApp();
    const res = await api.get('/onboarding/%E0%A4%A');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
